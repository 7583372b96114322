/**
 * The fault matrix, written once: hostile guests, hostile clients and broken apps against one
 * target, booted by its harness (test/harness). For each fault: the defined answer, the next
 * request served, and (where the counters can be seen) the pool back at rest with exactly the
 * trapped instances discarded. Per-target differences come from the shared capabilities; faults
 * the host does not answer as defined yet are listed in gaps.ts.
 */
import { describe } from 'vitest';
import type { Target } from '../harness/types.js';
import { describeClients } from './clients.js';
import { describeCreation } from './creation.js';
import { describeDownstream } from './downstream.js';
import { describeExhaustion } from './exhaustion.js';
import { faultCases } from './fault-case.js';
import { describeInjection } from './injection.js';
import { describePointers } from './pointers.js';
import { describeRunaways } from './runaways.js';
import { scriptedApp } from './scripted-app.js';
import { describeTraps } from './traps.js';

export function describeFaults(target: Target): void {
  describe(`faults on ${target.name}`, () => {
    const it = faultCases(target);
    const app = scriptedApp(target);
    describeTraps(target, it, app);
    describeRunaways(target, it, app);
    describeExhaustion(target, it, app);
    describeInjection(target, it, app);
    describePointers(target, it, app);
    describeDownstream(target, it, app);
    describeClients(target, it, app);
    describeCreation(target, it);
  });
}
