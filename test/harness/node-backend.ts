/**
 * The backends on node's own request and response objects, for frameworks that expose them
 * (Express's req/res are node's, extended). Reads what the app sees after the middleware ran.
 */
import type http from 'node:http';
import type { BackendReply, BackendRequest, HeaderLine } from './backends.js';

export function readBackendRequest(req: http.IncomingMessage): BackendRequest {
  // rawHeaders holds one entry per field line; req.headers would comma-join repeated lines.
  // req.url is node's raw request-target (a root-mounted Express app leaves it as is).
  const headerLines: HeaderLine[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) headerLines.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  return { method: req.method ?? '', uri: req.url ?? '', headerLines };
}

/** Reads the whole request body as latin1 text, for backends that read bodies `'raw'`. */
export async function readBackendBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function writeBackendReply(res: http.ServerResponse, reply: BackendReply): Promise<void> {
  if (reply.delayMs) await pause(reply.delayMs);
  if (reply.status !== undefined) res.statusCode = reply.status;
  // Appended, not set: headers the guest already put on the response stay.
  for (const [name, value] of reply.headers) res.appendHeader(name, value);
  if (reply.chunks === undefined && !reply.trailers?.length) {
    if (reply.body === undefined) res.end();
    else res.end(reply.body);
    return;
  }
  // Pieces and trailers both need a chunked body: write it, then end separately.
  if (reply.trailers?.length) res.setHeader('trailer', [...new Set(reply.trailers.map(([n]) => n))].join(', '));
  if (reply.chunks) {
    for (const [i, piece] of reply.chunks.entries()) {
      if (i > 0) await pause(5);
      res.write(piece);
    }
  } else if (reply.body !== undefined) res.write(reply.body);
  if (reply.trailers?.length) res.addTrailers(reply.trailers.map(([n, v]) => [n, v] as [string, string]));
  res.end();
}
