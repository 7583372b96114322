/**
 * The cluster example's entry: the same file runs as the primary and, forked by it, as each
 * worker. `--workers N` (or WORKERS) sets the count, default one per core; `--port P` (or PORT)
 * the port, default 3000, 0 for a free one.
 */
import cluster from 'node:cluster';
import { clusterOptions } from './options.js';
import { runPrimary } from './primary.js';
import { runWorker } from './worker.js';

if (cluster.isPrimary) runPrimary(clusterOptions());
else await runWorker(Number(process.env.CLUSTER_PORT));
