/** `invoke` for people: the request, what downstream saw, the response, the log, then any failure. */
import type { HeaderEntries } from '@dapr-wasm/core';
import { bodyLines, type BodyView } from '../format.js';
import { formatLog } from '../log-lines.js';
import type { Paint } from '../style.js';
import type { InvokeReport } from './run.js';

function message(first: string, headers: HeaderEntries, body: BodyView, p: Paint, trailers?: HeaderEntries): string[] {
  const lines = [`  ${p.bold(first)}`, ...headers.map(([n, v]) => `  ${p.cyan(n)}: ${v}`)];
  lines.push('', ...bodyLines(body).map((l) => (body.size ? `  ${l}` : `  ${p.dim(l)}`)));
  if (trailers?.length) lines.push('', `  ${p.dim('trailers')}`, ...trailers.map(([n, v]) => `  ${p.cyan(n)}: ${v}`));
  return lines;
}

const heading = (title: string, note: string, p: Paint) => `${p.bold(`▸ ${title}`)}${note ? `  ${p.dim(note)}` : ''}`;

export function printInvoke(r: InvokeReport, p: Paint): string {
  const out: string[] = [heading('request', `to ${r.guest}`, p), ...message(`${r.request.method} ${r.request.uri} HTTP/1.1`, r.request.headers, r.request.body, p), ''];

  if (r.outcome !== 'not-started') {
    if (r.downstream) {
      const d = r.downstream;
      const buffered = d.bufferResponse ? ', response buffered through the guest' : '';
      out.push(heading('downstream saw', `next=1${buffered}`, p), ...message(`${d.method} ${d.uri}`, d.headers, d.body, p), '');
    } else {
      const why = r.error ? `never called: the guest failed${r.error.phase ? ` in ${r.error.phase}` : ''}` : 'never called (next=0): the guest answered itself';
      out.push(`${heading('downstream', '', p)} ${p.yellow(why)}`, '');
    }
  }

  if (r.response) {
    const source = r.outcome === 'sent' ? 'from downstream' : r.outcome === 'fail' ? "the host's error response" : r.downstream ? 'buffered, as the guest left it' : 'written by the guest';
    out.push(heading('response', source, p), ...message(String(r.response.status), r.response.headers, r.response.body, p, r.response.trailers), '');
  } else if (r.outcome === 'abort') {
    out.push(`${heading('response', '', p)} ${p.red('aborted: it was already streaming when the guest failed')}`, '');
  }

  if (r.log.length) out.push(heading('guest log', '', p), ...formatLog(r.log, p.dim), '');

  if (r.error) {
    const e = r.error;
    const where = [e.code, e.phase && `in ${e.phase}`].filter(Boolean).join(' ');
    out.push(p.red(p.bold(`✖ guest failed${where ? `: ${where}` : ''}`)), `  ${e.message}`);
    for (const m of e.missing ?? []) out.push(`    ${m}`);
  } else {
    out.push(p.green(p.bold(`✔ ${r.next ? 'next=1' : 'next=0'}, status ${r.response?.status}`)));
  }
  return `${out.join('\n')}\n`;
}
