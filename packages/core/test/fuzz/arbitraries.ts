/**
 * Random arguments the way a broken or hostile guest passes them: pointers inside, at the edge of
 * and far outside its memory, negative when read as i32; lengths and buf_limits of 0, small, huge
 * and negative; kinds in and out of range; names and values that are valid, empty, or carry CR/LF
 * or NUL. Pointers a call writes through stay out of the dictionary, so the guest's own strings
 * survive from one case to the next.
 */
import fc from 'fast-check';
import {
  ARITY, bigBody, DICT, DICT_START, grow, HOST_FUNCTIONS, next, report, trap, type Call, type HostFunction,
} from '../../../../test/faults/script.js';
import type { DownstreamSpec, Line, RequestSpec } from './scripted-middleware.js';

const I32_MIN = -0x8000_0000;
const I32_MAX = 0x7fff_ffff;
export const anyI32 = fc.integer({ min: I32_MIN, max: I32_MAX });

/** Writes land below this in scratch; the largest value a host writes is a few hundred bytes. */
const SCRATCH_WRITE_END = DICT_START - 0x400;

const outOfBounds = fc.oneof(
  fc.constantFrom(0x1_0000, 0x1_0001, I32_MAX, -1, I32_MIN, -0x1_0000),
  fc.integer({ min: 0x1_0000, max: I32_MAX }),
  fc.integer({ min: I32_MIN, max: -1 }),
);

/** Where a call may write: scratch, the last bytes of the page, or nowhere valid. */
export const writePtr = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: SCRATCH_WRITE_END }) },
  { weight: 2, arbitrary: fc.integer({ min: 0xe000, max: 0xffff }) },
  { weight: 2, arbitrary: outOfBounds },
);

/** Lengths and buf_limits: 0, small, a page, huge, negative. */
export const length = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 64 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x2000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0xffff, 0x1_0000, 0x1_0001, I32_MAX, -1, I32_MIN) },
  { weight: 1, arbitrary: anyI32 },
);

const dictionaryEntries = Object.values(DICT).map(({ at, text }) => [at, text.length] as const);

/** (ptr, len) a call reads: dictionary strings (sometimes one byte short or long), empty, scratch, out of bounds. */
export const readRef: fc.Arbitrary<readonly [number, number]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...dictionaryEntries) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...dictionaryEntries), fc.constantFrom(-1, 1)).map(([[p, l], d]) => [p, Math.max(1, l + d)] as const) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constant(0), writePtr), fc.constant(0)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: SCRATCH_WRITE_END }), fc.integer({ min: 1, max: 64 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(0xfff0, 0xfffc, 0xffff), fc.integer({ min: 1, max: 64 })) },
  { weight: 1, arbitrary: fc.tuple(outOfBounds, length) },
);

export const headerKind = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(-1, 0, 1, 2, 3, 4) }, { weight: 1, arbitrary: anyI32 });
export const bodyKind = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(-1, 0, 1, 2) }, { weight: 1, arbitrary: anyI32 });
const logLevel = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(-2, -1, 0, 1, 2, 3, 4) }, { weight: 1, arbitrary: anyI32 });
const status = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(-1, 0, 99, 100, 101, 200, 204, 299, 404, 599, 999, 1000, I32_MIN, I32_MAX) },
  { weight: 2, arbitrary: fc.integer({ min: -100, max: 1100 }) },
  { weight: 1, arbitrary: anyI32 },
);
const features = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 7 }) }, { weight: 1, arbitrary: anyI32 });

/** Arguments for one host function, shaped by what each parameter means. */
export function argsFor(fn: HostFunction): fc.Arbitrary<number[]> {
  const get = fc.tuple(writePtr, length).map(([p, l]) => [p, l]);
  switch (fn) {
    case 'enable_features':
      return features.map((x) => [x]);
    case 'log_enabled':
      return logLevel.map((x) => [x]);
    case 'log':
      return fc.tuple(logLevel, readRef).map(([lv, [p, l]]) => [lv, p, l]);
    case 'set_method':
    case 'set_uri':
      return readRef.map(([p, l]) => [p, l]);
    case 'get_header_names':
      return fc.tuple(headerKind, writePtr, length).map((a) => [...a]);
    case 'get_header_values':
      return fc.tuple(headerKind, readRef, writePtr, length).map(([k, [p, l], b, lim]) => [k, p, l, b, lim]);
    case 'set_header_value':
    case 'add_header_value':
      return fc.tuple(headerKind, readRef, readRef).map(([k, [np, nl], [vp, vl]]) => [k, np, nl, vp, vl]);
    case 'remove_header':
      return fc.tuple(headerKind, readRef).map(([k, [p, l]]) => [k, p, l]);
    case 'read_body':
      // Unlike a header value, a body chunk can be as long as the limit allows, so a buffer in
      // scratch is kept clear of the guest's dictionary: a guest overwriting its own data is its
      // own bug, not a host state leaking into the next request. Limits beyond any memory the
      // guest can have (64 MiB) stay as they are: they must trap.
      return fc.tuple(bodyKind, writePtr, length).map(([k, p, l]) => {
        const limit = l >>> 0;
        const inScratch = p >= 0 && p <= SCRATCH_WRITE_END;
        return [k, p, inScratch && limit < 0x400_0000 && p + limit > SCRATCH_WRITE_END ? SCRATCH_WRITE_END - p : l];
      });
    case 'write_body':
      return fc.tuple(bodyKind, readRef).map(([k, [p, l]]) => [k, p, l]);
    case 'get_status_code':
      return fc.constant([]);
    case 'set_status_code':
      return status.map((s) => [s]);
    default:
      // get_config, get_method, get_uri, get_protocol_version, get_source_addr: (buf, buf_limit)
      if (ARITY[fn] !== 2) throw new Error(`no arguments for ${fn}`);
      return get;
  }
}

export const anyHostCall: fc.Arbitrary<Call> = fc
  .constantFrom(...HOST_FUNCTIONS)
  .chain((fn) => argsFor(fn).map((args) => ({ op: HOST_FUNCTIONS.indexOf(fn), args })));

/** One step of a random script: mostly host calls, sometimes the phase split, a report, a trap, growth or a big body. */
export const scriptStep: fc.Arbitrary<Call> = fc.oneof(
  { weight: 12, arbitrary: anyHostCall },
  { weight: 3, arbitrary: fc.tuple(anyI32, fc.oneof(fc.constant(1), fc.constant(0), anyI32)).map(([ctx, flag]) => next(ctx, flag)) },
  { weight: 2, arbitrary: fc.constant(report()) },
  { weight: 1, arbitrary: fc.constant(trap()) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map(grow) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 0x1_0000 }), bodyKind).map(([n, size, kind]) => bigBody(n, size, kind)),
  },
);

const headerName = fc.constantFrom('accept', 'X-Mixed-Case', 'x-ok', 'content-type', 'x-dup', 'x-empty');
const headerValue = fc.constantFrom('', 'a', 'text/plain', 'h\xe9llo', 'with spaces and, commas', 'x'.repeat(100));
const lines: fc.Arbitrary<Line[]> = fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 });

/** Where the client is, and what get_source_addr must say for it. */
export const clients = [
  { remoteAddress: '127.0.0.1', format: (port: number) => `127.0.0.1:${port}` },
  { remoteAddress: '::1', format: (port: number) => `[::1]:${port}` },
  { remoteAddress: '::ffff:10.0.0.1', format: (port: number) => `10.0.0.1:${port}` },
  { remoteAddress: undefined, format: () => undefined },
] as const;

export function sourceAddrOf(spec: RequestSpec): string | undefined {
  return clients.find((c) => c.remoteAddress === spec.remoteAddress)!.format(spec.remotePort ?? 0);
}

export const requestSpec: fc.Arbitrary<RequestSpec> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
  uri: fc.constantFrom('/', '/a/b?c=d', '/%20x?', '*', 'http://example.com/p?q', 'http://example.com', ''),
  protocol: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0') }, { weight: 1, arbitrary: fc.constant('') }),
  headers: lines,
  body: fc.option(fc.uint8Array({ maxLength: 300 }), { nil: undefined }),
  remoteAddress: fc.constantFrom(...clients.map((c) => c.remoteAddress)),
  remotePort: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
});

export const downstreamSpec: fc.Arbitrary<DownstreamSpec> = fc.record({
  status: fc.constantFrom(200, 201, 204, 304, 404, 500, 503),
  headers: lines,
  body: fc.uint8Array({ maxLength: 300 }),
  fails: fc.oneof({ weight: 8, arbitrary: fc.constant('no' as const) }, { weight: 1, arbitrary: fc.constantFrom('error' as const, 'throw' as const) }),
});
