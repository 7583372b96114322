/**
 * get_source_addr per runtime: `127.0.0.1:<the client's port>` wherever the runtime knows the
 * port; on workerd only the address arrives (Miniflare's `cf-connecting-ip`), reported with port 0.
 */
import { expect, it } from 'vitest';
import type { RunningApp } from '../../../../test/runtimes/app-contract.js';
import type { CasesMount } from '../fixtures/cases-app.js';
import { get } from '../http.js';

export function describeSourceAddr(apps: () => Record<CasesMount, RunningApp>, clientPort: boolean): void {
  it.each(['redispatch', 'fetch'] as const)(`get_source_addr (%s) is ${clientPort ? '127.0.0.1:<client port>' : '127.0.0.1:0'}`, async (mount) => {
    const reply = await get(apps()[mount].url, '/source');
    expect(reply.body).toBe(`127.0.0.1:${clientPort ? reply.localPort : 0}`);
  });
}
