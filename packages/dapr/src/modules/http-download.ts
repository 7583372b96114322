/**
 * One module download over http(s) with undici: redirects followed by hand (so a loop or an https
 * to http downgrade is named as such), a timeout on every wait (connect, headers, each body chunk),
 * a size cap enforced while reading, and conditional headers for revalidation.
 */
import { request, type Dispatcher } from 'undici';
import { COMPONENT_ERROR_CODES, DaprComponentError, type ComponentErrorCode } from './component-error.js';
import type { ResolvedModuleSourceOptions } from './module-source-options.js';

export interface DownloadTarget {
  component: string;
  url: string;
}

export interface Validators {
  etag: string | undefined;
  lastModified: string | undefined;
}

export type Download =
  | { readonly notModified: false; readonly bytes: Uint8Array; readonly etag: string | undefined; readonly lastModified: string | undefined }
  | { readonly notModified: true };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function downloadModule(
  target: DownloadTarget,
  options: ResolvedModuleSourceOptions,
  dispatcher: Dispatcher,
  validators: Validators | undefined,
  signal: AbortSignal | undefined,
): Promise<Download> {
  const fail = (code: ComponentErrorCode, detail: string, cause?: unknown, status?: number): never => {
    throw new DaprComponentError(code, detail, { component: target.component, url: target.url, cause, status });
  };
  const headers: Record<string, string> = { accept: 'application/wasm, */*;q=0.8' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;

  let current = new URL(target.url);
  const chain = [current.href];
  for (;;) {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(current, {
        dispatcher,
        method: 'GET',
        headers,
        headersTimeout: options.readTimeoutMs,
        bodyTimeout: options.readTimeoutMs,
        signal,
      });
    } catch (err) {
      return transportFailure(err, options, fail, signal);
    }
    const status = res.statusCode;

    if (REDIRECTS.has(status)) {
      await res.body.dump();
      const location = single(res.headers.location);
      if (!location) fail(COMPONENT_ERROR_CODES.REDIRECT, `HTTP ${status} from ${current.href} has no Location header`);
      let next: URL;
      try {
        next = new URL(location!, current);
      } catch (cause) {
        return fail(COMPONENT_ERROR_CODES.REDIRECT, `HTTP ${status} from ${current.href} redirects to an invalid URL ${JSON.stringify(location)}`, cause);
      }
      if (chain.includes(next.href)) fail(COMPONENT_ERROR_CODES.REDIRECT, `redirect loop: ${[...chain, next.href].join(' -> ')}`);
      if (chain.length > options.maxRedirects) {
        fail(COMPONENT_ERROR_CODES.REDIRECT, `more than maxRedirects (${options.maxRedirects}) redirects: ${[...chain, next.href].join(' -> ')}`);
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') fail(COMPONENT_ERROR_CODES.REDIRECT, `redirected to ${next.href}, which is not http(s)`);
      if (current.protocol === 'https:' && next.protocol === 'http:') {
        fail(COMPONENT_ERROR_CODES.REDIRECT, `refusing the redirect from https to plain http (${next.href}): the module would travel unprotected`);
      }
      chain.push(next.href);
      current = next;
      continue;
    }

    const where = chain.length > 1 ? ` (redirected to ${current.href})` : '';
    if (status === 304 && validators) {
      await res.body.dump();
      return { notModified: true };
    }
    if (status === 404 || status === 410) {
      await res.body.dump();
      fail(COMPONENT_ERROR_CODES.NOT_FOUND, `HTTP ${status}: the origin has no such module${where}`, undefined, status);
    }
    if (status !== 200) {
      await res.body.dump();
      fail(COMPONENT_ERROR_CODES.HTTP_STATUS, `HTTP ${status}${where}; expected 200`, undefined, status);
    }

    const declared = Number(single(res.headers['content-length']) ?? NaN);
    if (declared > options.maxModuleBytes) {
      discard(res.body);
      fail(COMPONENT_ERROR_CODES.TOO_LARGE, `Content-Length ${declared} exceeds maxModuleBytes (${options.maxModuleBytes})${where}`);
    }
    const bytes = await readCapped(res.body, options, fail, signal, where);
    return { notModified: false, bytes, etag: single(res.headers.etag), lastModified: single(res.headers['last-modified']) };
  }
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  options: ResolvedModuleSourceOptions,
  fail: (code: ComponentErrorCode, detail: string, cause?: unknown) => never,
  signal: AbortSignal | undefined,
  where: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > options.maxModuleBytes) {
        discard(body);
        fail(COMPONENT_ERROR_CODES.TOO_LARGE, `more than maxModuleBytes (${options.maxModuleBytes}) bytes arrived${where}`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof DaprComponentError) throw err;
    return transportFailure(err, options, fail, signal);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Names the wait that ran out, or the connection problem, in words an operator can act on. */
function transportFailure(
  err: unknown,
  options: ResolvedModuleSourceOptions,
  fail: (code: ComponentErrorCode, detail: string, cause?: unknown) => never,
  signal: AbortSignal | undefined,
): never {
  // Aborted from outside (initTimeout, close): the caller's reason says why.
  if (signal?.aborted) throw signal.reason;
  const code = (err as { code?: string }).code;
  const message = (err as Error).message;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return fail(COMPONENT_ERROR_CODES.TIMEOUT, `no connection within connectTimeoutMs (${options.connectTimeoutMs} ms)`, err);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return fail(COMPONENT_ERROR_CODES.TIMEOUT, `no response within readTimeoutMs (${options.readTimeoutMs} ms)`, err);
    case 'UND_ERR_BODY_TIMEOUT':
      return fail(COMPONENT_ERROR_CODES.TIMEOUT, `the body stalled for more than readTimeoutMs (${options.readTimeoutMs} ms)`, err);
    case 'ECONNREFUSED':
      return fail(COMPONENT_ERROR_CODES.CONNECT, 'connection refused', err);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(COMPONENT_ERROR_CODES.CONNECT, `unknown host (${message})`, err);
    default:
      return fail(COMPONENT_ERROR_CODES.CONNECT, `download failed: ${code ? `${code}: ` : ''}${message}`, err);
  }
}

/** Drops a body unread; destroying it raises an abort error nobody else is listening for. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
