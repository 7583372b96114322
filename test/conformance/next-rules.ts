/**
 * What a guest may do after next, in handle_response. Request mutations trap always; response
 * mutations and reading the response body trap unless buffer_response is on; reading the request
 * body traps unless buffer_request is on. A trap fails the request (a 500 when the response is
 * still held; otherwise the app's response already went out and the trap is logged), and the
 * server goes on serving.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor, type ObservedApp } from './app.js';
import { ask, echoed } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { capturingLogger, type CapturingLogger } from './capture-logger.js';
import { PHASES_GUEST } from './guests.js';
import type { Answer, FieldLine } from './http-client.js';

const BUFFER_REQUEST = 1;
const BUFFER_RESPONSE = 2;
export const GENERIC_500 = 'Internal Server Error\n';

function afterNext(app: ObservedApp, op: string, features: number, extra: FieldLine[] = []) {
  return ask(app.url, 'after_next', {
    method: 'POST',
    body: 'request body',
    headers: [['x-op', op], ['x-enable', String(features)], ...extra],
  });
}

/** The server still serves: a harmless after-next read on a fresh request. */
export async function expectStillServing(app: ObservedApp): Promise<void> {
  const { answer } = await afterNext(app, 'get_method', BUFFER_RESPONSE);
  expect(answer.status, 'the next request is served').toBe(200);
  expect(answer.header('x-after-op')).toBe('done POST');
}

/**
 * The trap reached the logger, naming what the host refused. Where no logger reaches the app
 * (capabilities: jsonOptionsOnly) the status is all there is to see.
 */
async function expectTrapLogged(logger: CapturingLogger | undefined, refusal: string): Promise<void> {
  if (!logger) return;
  const entry = await logger.waitFor((e) => e.level === 2 && e.message.includes(refusal));
  expect(entry.message).toContain('handle_response');
}

// Forbidden after next whatever the features: the request already went downstream.
const requestMutations: ReadonlyArray<readonly [op: string, refusal: string]> = [
  ['set_method', "can't set method after next handler"],
  ['set_uri', "can't set uri after next handler"],
  ['set_header_value/request', "can't set request header after next handler"],
  ['add_header_value/request', "can't add request header after next handler"],
  ['remove_header/request', "can't remove request header after next handler"],
  ['write_body/request', "can't write request body after next handler"],
];

// Allowed after next only with buffer_response; each with how its effect shows on the client.
const responseChanges: ReadonlyArray<readonly [op: string, refusal: string]> = [
  ['set_header_value/response', "can't set response header after next handler"],
  ['add_header_value/response', "can't add response header after next handler"],
  ['remove_header/response', "can't remove response header after next handler"],
  ['set_status_code', "can't set status code after next handler"],
  ['write_body/response', "can't write response body after next handler"],
  ['read_body/response', "can't read response body after next handler"],
];

/**
 * A trap in handle_response without buffer_response. Where the app's response already went out
 * (capabilities: sentBeforeHandleResponse) the client has it intact; where the framework sends only
 * after the middleware returned, the trap can still become a generic 500. Never anything between.
 */
export function expectLateTrapAnswer(answer: Answer, sentEarly: boolean | undefined): void {
  if (sentEarly === undefined) sentEarly = answer.status !== 500;
  if (sentEarly) {
    expect(answer.status).toBe(200);
    expect(echoed(answer).method, "the app's response, intact").toBe('POST');
  } else {
    expect(answer.status).toBe(500);
    expect(answer.body).toBe(GENERIC_500);
  }
}

export function describeNextRules(target: Target): void {
  describe('after next', () => {
    const caps = capabilitiesOf(target.name);
    const sentEarly = caps.sentBeforeHandleResponse;
    const logger = caps.jsonOptionsOnly ? undefined : capturingLogger(0);
    const app = appFor(target, PHASES_GUEST, 'echo', { adapterOptions: logger ? { logger } : {} });
    const it = casesFor(target);

    for (const [op, refusal] of requestMutations) {
      it(`after-next/${op}`, `${op} in handle_response traps (500 while the response is held)`, async () => {
        logger?.clear();
        const { answer } = await afterNext(app(), op, BUFFER_REQUEST | BUFFER_RESPONSE);
        expect(answer.status).toBe(500);
        expect(answer.body).toBe(GENERIC_500);
        await expectTrapLogged(logger, refusal);
        await expectStillServing(app());
      });
    }

    it('after-next/read_body/request', 'reading the request body after next traps without buffer_request', async () => {
      logger?.clear();
      const { answer } = await afterNext(app(), 'read_body/request', BUFFER_RESPONSE);
      expect(answer.status).toBe(500);
      await expectTrapLogged(logger, "can't read request body after next handler");
      await expectStillServing(app());
    });

    it('after-next/read_body/request-buffered', 'reading the request body after next is allowed with buffer_request', async () => {
      const { answer } = await afterNext(app(), 'read_body/request', BUFFER_REQUEST | BUFFER_RESPONSE);
      expect(answer.status).toBe(200);
      expect(answer.header('x-after-op')).toMatch(/^done \d+$/);
    });

    for (const [op, refusal] of responseChanges) {
      it(`after-next/${op}-unbuffered`, `${op} in handle_response traps without buffer_response`, async () => {
        logger?.clear();
        const { answer } = await afterNext(app(), op, 0);
        expectLateTrapAnswer(answer, sentEarly);
        expect(answer.header('x-after')).toBeUndefined();
        await expectTrapLogged(logger, refusal);
        await expectStillServing(app());
      });
    }

    it('after-next/response-buffered', 'with buffer_response each response change in handle_response takes effect', async () => {
      const custom: FieldLine = ['x-backend-header-1', 'x-backend-custom: 1'];
      const set = await afterNext(app(), 'set_header_value/response', BUFFER_RESPONSE);
      expect(set.answer.headerValues('x-after')).toEqual(['set']);
      const add = await afterNext(app(), 'add_header_value/response', BUFFER_RESPONSE);
      expect(add.answer.headerValues('x-after')).toEqual(['added']);
      const removed = await afterNext(app(), 'remove_header/response', BUFFER_RESPONSE, [custom]);
      expect(removed.answer.header('x-backend-custom')).toBeUndefined();
      const status = await afterNext(app(), 'set_status_code', BUFFER_RESPONSE);
      expect(status.answer.status).toBe(299);
      const body = await afterNext(app(), 'write_body/response', BUFFER_RESPONSE);
      expect(body.answer.body).toBe('after');
      const read = await afterNext(app(), 'read_body/response', BUFFER_RESPONSE);
      expect(read.answer.header('x-after-op')).toBe(`done ${Buffer.byteLength(read.answer.body)}`);
      for (const r of [set, add, removed, status, body, read]) expect(r.answer.header('x-after-op')).toMatch(/^done/);
    });

    it('after-next/reads', 'reading the request line, request headers and status after next is allowed', async () => {
      const method = await afterNext(app(), 'get_method', BUFFER_RESPONSE);
      expect(method.answer.header('x-after-op')).toBe('done POST');
      const uri = await ask(app().url, 'after_next', { target: '/read/after?next=1', headers: [['x-op', 'get_uri'], ['x-enable', '2']] });
      expect(uri.answer.header('x-after-op')).toBe('done /read/after?next=1');
      const names = await afterNext(app(), 'get_header_names/request', BUFFER_RESPONSE);
      expect(Number(names.answer.header('x-after-op')?.slice(5))).toBeGreaterThan(2);
      const status = await afterNext(app(), 'get_status_code', BUFFER_RESPONSE, [['x-backend-status', '201']]);
      expect(status.answer.status).toBe(201);
      expect(status.answer.header('x-after-op')).toBe('done 201');
    });

    it('after-next/response-headers', 'with buffer_response handle_response reads the app\'s response headers, names lower-cased', async () => {
      const names = await afterNext(app(), 'get_header_names/response', BUFFER_RESPONSE, [['x-backend-header-1', 'X-Backend-Custom: 1']]);
      const listed = (names.answer.header('x-after-op') ?? '').replace(/^done /, '').split(',');
      expect(listed).toContain('content-type');
      expect(listed).toContain('x-backend-custom');
      for (const n of listed) expect(n).toBe(n.toLowerCase());
      const values = await afterNext(app(), 'get_header_values/response', BUFFER_RESPONSE);
      expect(values.answer.header('x-after-op')).toMatch(/^done application\/json/);
    });
  });
}
