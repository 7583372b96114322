/**
 * The responses the host sends when something fails before the response started: a status that
 * says who failed (500 guest, 504 guest too slow, 503 busy/closed, 413 body too large) and a generic body. The guest's
 * own error text goes to the logger; only `exposeErrors` puts it in the body.
 */
import { BodyTooLargeError, DaprWasmError, GuestDeadlineError, MiddlewareClosedError, PoolExhaustedError } from '../errors.js';
import { HeaderFields } from './header-fields.js';
import type { Outcome } from './port.js';

const reasons: Record<number, string> = {
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusFor(error: unknown): number {
  if (error instanceof PoolExhaustedError || error instanceof MiddlewareClosedError) return 503;
  if (error instanceof BodyTooLargeError) return 413;
  if (error instanceof GuestDeadlineError) return 504;
  return 500;
}

export function failure(error: Error, expose: boolean): Outcome {
  const status = statusFor(error);
  const detail = expose ? `: ${error instanceof DaprWasmError ? `[${error.code}] ` : ''}${error.message}` : '';
  const body = new TextEncoder().encode(`${reasons[status]}${detail}\n`);
  const headers = new HeaderFields([
    ['content-type', 'text/plain; charset=utf-8'],
    ['content-length', String(body.length)],
  ]);
  if (status === 503) headers.add('retry-after', '1');
  return { kind: 'fail', status, headers, body, error };
}
