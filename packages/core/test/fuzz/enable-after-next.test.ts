/**
 * Found by the host-function fuzzer: a guest may call enable_features(buffer_response) in
 * handle_response, after the response went out unbuffered. The ABI says features must be enabled
 * before next (http-wasm-host-go api/handler/wasm.go, FuncEnableFeatures), so a late enable leaves
 * the after-next rules in force: the changes it would have unlocked trap instead of being dropped.
 */
import { describe, expect, it } from 'vitest';
import { call, encodeScript, next, ref } from '../../../../test/faults/script.js';
import { exchange, trapped } from './invariants.js';
import { scriptedMiddleware } from './scripted-middleware.js';

const request = { method: 'GET', uri: '/', protocol: 'HTTP/1.1', headers: [], body: undefined, remoteAddress: undefined, remotePort: undefined };
const downstream = { status: 200, headers: [], body: new Uint8Array(0), fails: 'no' as const };

describe('enable_features after next', () => {
  it('does not unlock response changes that would be dropped: set_status_code still traps', async () => {
    const mw = await scriptedMiddleware();
    try {
      const script = encodeScript([next(), call('enable_features', 2), call('set_status_code', 201), call('set_header_value', 1, ...ref('ok'), ...ref('fine'))]);
      const x = await exchange(mw, script, request, downstream);
      expect(trapped(x.outcome)?.phase, 'the late change is refused, not dropped').toBe('handle_response');
    } finally {
      await mw.close();
    }
  });
});
