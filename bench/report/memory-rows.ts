/**
 * The memory table. Pool rows are the growth of a fresh process once the pool is warm (after a full
 * GC, against the same process before the middleware existed); the slope row is the cost of one
 * more instance. Server rows are what the server process reports about itself.
 */
import type { MemoryResult } from '../memory/suite.js';
import { POOL_SIZES } from '../memory/pool-suite.js';
import type { ServerMemory } from '../memory/server-under-load.js';
import { bytes, rate, signedBytes } from './format.js';
import { markdownTable, type Cell } from './table.js';

const header: Cell[] = ['subject', 'row', 'RSS', 'heap used', 'external', 'compared'];

function poolRows(m: MemoryResult): Cell[][] {
  return m.pools.flatMap((p) => {
    const subject = `pool: ${p.guest.label} (${p.guest.size.toLocaleString('en-US')} B)`;
    const rows: Cell[][] = POOL_SIZES.map((n, i) => [
      subject, `${n} warm instance${n === 1 ? '' : 's'}, growth of the process`,
      signedBytes(p.at[i].rss), signedBytes(p.at[i].heapUsed), signedBytes(p.at[i].external), '',
    ]);
    rows.push([subject, 'per extra instance (slope)', signedBytes(p.perInstance.rss), signedBytes(p.perInstance.heapUsed), signedBytes(p.perInstance.external), '']);
    return rows;
  });
}

function serverRows(m: MemoryResult): Cell[][] {
  const bare = m.servers.find((s) => s.kind === 'bare');
  const subject = 'Express 5, 100 connections';
  return m.servers.flatMap((s: ServerMemory) => {
    const name = s.kind === 'bare' ? 'bare app' : '+ wasm rewrite guest';
    const over = bare && s !== bare ? `${signedBytes(s.loadedRss - bare.loadedRss)} RSS over bare under load; ${s.instances} guest instance${s.instances === 1 ? '' : 's'}` : '';
    return [
      [subject, `${name}: idle`, bytes(s.idleRss), '', '', ''],
      [subject, `${name}: under load, median / peak`, `${bytes(s.loadedRss)} / ${bytes(s.peakRss)}`, `peak ${bytes(s.peakHeapUsed)}`, `peak ${bytes(s.peakExternal)}`,
        [`${rate(s.reqPerSec)} req/s`, over].filter(Boolean).join('; ')],
    ];
  });
}

export function memoryTable(m: MemoryResult): string {
  return markdownTable(header, [...poolRows(m), ...serverRows(m)]);
}
