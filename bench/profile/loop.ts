/**
 * A profiling target, not part of `pnpm bench`: calls one in-process row's handle() in a tight loop
 * for a few seconds, so a CPU or heap profile is dominated by the per-request path.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile/loop.ts rewrite
 *   node --heap-prof --heap-prof-dir=/tmp/prof --import tsx bench/profile/loop.ts rewrite
 *   node --import tsx bench/profile/loop.ts rewrite 4 /tmp/prof/rewrite.heapprofile
 *   node --import tsx bench/profile/summary.ts /tmp/prof/<file>...
 *
 * The third form records every allocation sampled during the loop, including the garbage that
 * --heap-prof leaves out (objects a scavenge already collected): what one request allocates.
 * `--no-turbo-inlining` keeps small helpers visible in a CPU profile (and slows them somewhat).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { inProcessCases } from '../in-process/cases.js';
import { prepareCase } from '../in-process/measure.js';

const key = process.argv[2] ?? 'rewrite';
const seconds = Number(process.argv[3] ?? 4);
const allocationProfile = process.argv[4];
const c = inProcessCases.find((x) => x.key === key);
if (!c) {
  console.error(`unknown row ${key}; rows: ${inProcessCases.map((x) => x.key).join(', ')}`);
  process.exit(2);
}

const p = await prepareCase(c);
let session: Session | undefined;
if (allocationProfile) {
  session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const until = performance.now() + seconds * 1000;
let calls = 0;
while (performance.now() < until) {
  // Batches keep the clock read out of the profile.
  for (let i = 0; i < 1000; i++) await p.call();
  calls += 1000;
}
if (session && allocationProfile) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(allocationProfile, JSON.stringify(profile));
  session.disconnect();
}
await p.subject.close();
console.error(`${key}: ${calls.toLocaleString('en-US')} calls in ${seconds} s, ${((seconds * 1e9) / calls).toFixed(0)} ns/call`);
