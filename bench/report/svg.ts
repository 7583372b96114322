/** Just enough SVG to draw the charts as text: no dependency, and the file diffs line by line. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, w))}" height="${num(h)}" fill="${fill}"/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, dashed = false): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
}

export function text(x: number, y: number, s: string, o: { anchor?: 'start' | 'middle' | 'end'; size?: number; bold?: boolean; fill?: string } = {}): string {
  const attrs = [
    `x="${num(x)}"`, `y="${num(y)}"`, `font-size="${o.size ?? 11}"`,
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.bold ? 'font-weight="bold"' : '', o.fill ? `fill="${o.fill}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

/** Panels stacked top to bottom, each already drawn at its own origin with its own height. */
export interface Panel {
  readonly height: number;
  readonly body: (y: number) => string[];
}

export function svgDocument(width: number, title: string, panels: readonly Panel[]): string {
  let y = 34;
  const parts = [text(12, 22, title, { size: 14, bold: true })];
  for (const p of panels) {
    parts.push(...p.body(y));
    y += p.height;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 8}" viewBox="0 0 ${width} ${y + 8}" font-family="sans-serif">`,
    rect(0, 0, width, y + 8, '#ffffff'),
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
