/**
 * Describes a Node request (node:http IncomingMessage or the node:http2 compatibility request) as
 * the port's IncomingRequest. Headers come from rawHeaders, one entry per field line, because
 * `req.headers` joins repeated fields with commas.
 */
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { BodyTooLargeError } from '../errors.js';
import { fieldLines } from '../exchange/field-lines.js';
import type { HeaderEntries } from '../exchange/header-fields.js';
import type { IncomingRequest } from '../exchange/port.js';

export type NodeRequest = IncomingMessage | Http2ServerRequest;

export function requestHasBody(req: NodeRequest): boolean {
  const h = req.headers;
  if (h['transfer-encoding'] !== undefined) return true;
  const len = h['content-length'];
  if (len !== undefined) return len !== '0';
  // HTTP/2 needs no Content-Length: a body exists unless the stream ended with the headers.
  const stream = (req as Http2ServerRequest).stream;
  return stream !== undefined && !stream.endAfterHeaders;
}

/** Reads the whole body, refusing more than `limit` bytes. */
export function readNodeBody(req: NodeRequest, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) return resolve(new Uint8Array(0));
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) return reject(tooLarge(declared, limit));
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        cleanup();
        req.pause();
        return reject(tooLarge(total, limit));
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
      resolve(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onClose = () => {
      if (!req.readableEnded) onError(new Error('client closed the connection before sending the whole body'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function tooLarge(size: number, limit: number): BodyTooLargeError {
  return new BodyTooLargeError(`request body of ${size}+ bytes exceeds maxBodyBytes ${limit}`, { phase: 'request', culprit: 'maxBodyBytes' });
}

/**
 * One class, not an object of closures: it is built for every request, and the guest usually asks
 * for little of it. Method and target are read at once (a router may change req.url while
 * downstream runs); the rest on demand. Node remembers a socket's peer once it was asked, and
 * guests ask for it before next, while the client is connected.
 */
class NodeIncomingRequest implements IncomingRequest {
  readonly method: string;
  readonly uri: string;

  constructor(private readonly req: NodeRequest) {
    this.method = req.method ?? 'GET';
    this.uri = req.url ?? '/';
  }

  get remoteAddress(): string | undefined {
    return this.req.socket?.remoteAddress;
  }

  get remotePort(): number | undefined {
    return this.req.socket?.remotePort;
  }

  get protocol(): string {
    return `HTTP/${this.req.httpVersion === '2.0' ? '2.0' : this.req.httpVersion}`;
  }

  get hasBody(): boolean {
    return requestHasBody(this.req);
  }

  headers(): HeaderEntries {
    return fieldLines(this.req.rawHeaders);
  }

  trailers(): HeaderEntries {
    return fieldLines(this.req.rawTrailers ?? []);
  }

  readBody(limit: number): Promise<Uint8Array> {
    return readNodeBody(this.req, limit);
  }
}

export function nodeIncoming(req: NodeRequest): IncomingRequest {
  return new NodeIncomingRequest(req);
}
