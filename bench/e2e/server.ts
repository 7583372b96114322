/**
 * One app under load, in its own process so it has a core to itself while the load generator uses
 * the other. Started by fork() with `<framework> <variant> <guest file URL>`; reports its port
 * over IPC and exits when the parent disconnects.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { frameworks } from './frameworks/index.js';
import type { Variant } from './rewrite.js';

export interface ServerReady {
  readonly port: number;
}

const [key, variant, guestUrl] = process.argv.slice(2) as [string, Variant, string];
const framework = frameworks.find((f) => f.key === key);
if (!framework || !process.send) {
  console.error(`usage (from the benchmark only): server.ts <${frameworks.map((f) => f.key).join('|')}> <bare|js|wasm> <guest url>`);
  process.exit(2);
}

const server = http.createServer(await framework.listener(variant, guestUrl));
server.listen(0, '127.0.0.1', () => {
  const ready: ServerReady = { port: (server.address() as AddressInfo).port };
  process.send!(ready);
});
process.on('disconnect', () => process.exit(0));
