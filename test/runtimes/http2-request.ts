/**
 * One HTTP/2 request with node:http2's client. undici (7.30) joins repeated request header lines
 * into one "a, b" field when it speaks HTTP/2, so a test that needs separate field lines to reach
 * an HTTP/2 server sends them with this instead. Header values given as arrays go out as separate
 * field lines.
 */
import { connect, type OutgoingHttpHeaders } from 'node:http2';

export interface Http2Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function http2Request(origin: string, path: string, headers: OutgoingHttpHeaders = {}, ca?: string): Promise<Http2Response> {
  const session = connect(origin, ca ? { ca } : {});
  try {
    const stream = session.request({ ':path': path, ...headers });
    stream.setEncoding('utf8');
    let body = '';
    stream.on('data', (chunk: string) => (body += chunk));
    const [responseHeaders] = await Promise.all([
      new Promise<Record<string, string | string[] | undefined>>((resolve) => stream.once('response', resolve)),
      new Promise((resolve, reject) => stream.once('end', resolve).once('error', reject)),
    ]);
    return { status: Number(responseHeaders[':status']), headers: responseHeaders, body };
  } finally {
    session.close();
  }
}
