/**
 * The 35 TCK cases: the reference runner's (http-wasm-host-go `tck/run.go`) in its order, plus
 * get_source_addr. Each case is one request, named by `x-httpwasm-tck-testid`, and the extra
 * checks the runner makes on the answer; the guest (guests/tck) checks the rest itself.
 */
import type { TckAnswer } from './tck-client.js';

export interface TckRequest {
  readonly method: string;
  /** Request-target sent as is: never normalised or re-encoded. */
  readonly target: string;
  /** Header field lines in order; a repeated name is sent as separate lines. */
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body?: string;
}

export interface TckCase {
  readonly id: string;
  readonly request: TckRequest;
  /** Checks beyond the common ones; returns what went wrong. */
  readonly check?: (answer: TckAnswer) => string[];
}

const get = (target = '/', headers: TckRequest['headers'] = []): TckRequest => ({ method: 'GET', target, headers });

/** Go's `resp.Header.Get` reads absent as "", so the checks compare the same way. */
function expectHeader(answer: TckAnswer, name: string, want: string, what: string): string[] {
  const have = answer.header(name) ?? '';
  return have === want ? [] : [`expected ${what} to be ${JSON.stringify(want)}, have ${JSON.stringify(have)}`];
}

const echoed = (header: string, index: number) => `x-httpwasm-next-header-${header}-${index}`;

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH'];

const uris: ReadonlyArray<readonly [id: string, uri: string]> = [
  ['simple', '/simple'],
  ['simple/escaping', '/simple%26clean'],
  ['query', '/animal?name=panda'],
  ['query/escaping', '/disney?name=chip%26dale'],
];

const headerValueCases: ReadonlyArray<readonly [id: string, key: string, values: string[]]> = [
  ['lowercase-key', 'single-header', ['value']],
  ['mixedcase-key', 'Single-Header', ['value']],
  ['not-exists', 'not-header', []],
  ['multiple-values', 'multi-header', ['value1', 'value2']],
];

const bodySizes: ReadonlyArray<readonly [id: string, size: number]> = [
  ['empty', 0],
  ['small', 5],
  ['medium', 2048],
  ['large', 4096],
  ['xlarge', 5000],
];

const headerMutations = [
  ['new', 'new-header'],
  ['existing', 'existing-header'],
] as const;

/** Every header case starts from a request that already carries `existing-header: bear`. */
const withExisting = get('/', [['existing-header', 'bear']]);

export const tckCases: readonly TckCase[] = [
  {
    id: 'get_protocol_version',
    request: get('/get_protocol_version'),
    check: (a) =>
      a.body === a.protocol ? [] : [`expected protocol version to be ${a.protocol}, have ${JSON.stringify(a.body)}`],
  },
  ...methods.map((method): TckCase => ({ id: `get_method/${method}`, request: { method, target: '/', headers: [] } })),
  {
    id: 'set_method',
    request: get(),
    check: (a) => expectHeader(a, 'x-httpwasm-next-method', 'POST', 'method'),
  },
  ...uris.map(([id, uri]): TckCase => ({ id: `get_uri/${id}`, request: get(uri) })),
  ...uris.map(([id, uri]): TckCase => ({
    id: `set_uri/${id}`,
    request: get(),
    check: (a) => expectHeader(a, 'x-httpwasm-next-uri', uri, 'uri'),
  })),
  ...headerValueCases.map(([id, key, values]): TckCase => ({
    id: `get_header_values/request/${id}`,
    request: get('/', values.map((v) => [key, v] as const)),
  })),
  {
    id: 'get_header_names/request',
    request: get('/', [['a-header', 'value1'], ['b-header', '2']]),
  },
  ...headerMutations.map(([which, header]): TckCase => ({
    id: `set_header_value/request/${which}`,
    request: withExisting,
    check: (a) => expectHeader(a, echoed(header, 0), 'value', 'header'),
  })),
  ...headerMutations.map(([which, header]): TckCase => {
    const lines = which === 'new' ? ['value'] : ['bear', 'value'];
    return {
      id: `add_header_value/request/${which}`,
      request: withExisting,
      check: (a) => lines.flatMap((v, i) => expectHeader(a, echoed(header, i), v, `header ${header} line ${i}`)),
    };
  }),
  ...headerMutations.map(([which]): TckCase => ({
    id: `remove_header/request/${which}`,
    request: withExisting,
    check: (a) => expectHeader(a, echoed('existing-header', 0), which === 'existing' ? '' : 'bear', 'header'),
  })),
  ...bodySizes.map(([id, size]): TckCase => ({
    id: `read_body/request/${id}`,
    request: { method: 'POST', target: '/', headers: [], body: 'a'.repeat(size) },
  })),
  // Not in the reference runner: the guest expects the runner's loopback address and a port.
  { id: 'get_source_addr', request: get() },
];
