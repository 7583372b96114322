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

export async function writeBackendReply(res: http.ServerResponse, reply: BackendReply): Promise<void> {
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (reply.status !== undefined) res.statusCode = reply.status;
  // Appended, not set: headers the guest already put on the response stay.
  for (const [name, value] of reply.headers) res.appendHeader(name, value);
  if (reply.body === undefined) res.end();
  else res.end(reply.body);
}
