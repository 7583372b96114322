/**
 * One HTTP/1.1 request over a fresh connection, with the client's own port, which a server should
 * report as the source address.
 */
import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  localPort: number;
}

export function get(baseUrl: string, target: string, timeoutMs = 5000): Promise<Reply> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let localPort = 0;
    const req = http.request({ agent: false, host: base.hostname, port: base.port, path: target });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('socket', (socket) => socket.once('connect', () => (localPort = socket.localPort ?? 0)));
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, localPort }));
    });
    req.end();
  });
}
