/**
 * One horizontal bar chart as an SVG panel: a label per bar, the value printed at its end, optional
 * whiskers (a spread over rounds) and vertical reference lines (a target, the baseline). A log
 * scale keeps a 40 µs row and a 300 ns row readable on one axis.
 */
import { line, rect, text, type Panel } from './svg.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly color?: string;
  readonly low?: number;
  readonly high?: number;
}

export interface Reference {
  readonly value: number;
  readonly label: string;
  readonly color: string;
}

export interface BarPanelOptions {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly references?: readonly Reference[];
  readonly scale?: 'linear' | 'log';
  readonly width: number;
  /** Shown instead of bars when the section did not run. */
  readonly empty?: string;
}

const BAR_HEIGHT = 16;
const GAP = 6;
/** Rough advance of one character of the 11 px sans-serif labels; text is never measured in SVG. */
const CHAR_WIDTH = 6.4;
export const BAR_COLOR = '#4e79a7';
export const BASE_COLOR = '#9c9c9c';
export const TARGET_COLOR = '#e15759';

export function barPanel(o: BarPanelOptions): Panel {
  const top = 22;
  const labelWidth = Math.max(160, Math.max(...o.bars.map((b) => b.label.length)) * CHAR_WIDTH + 12);
  const valueRoom = Math.max(60, Math.max(...o.bars.map((b) => b.valueText.length)) * CHAR_WIDTH + 12);
  if (o.bars.length === 0) {
    return { height: top + 30, body: (y) => [text(12, y + 14, o.title, { size: 12, bold: true }), text(labelWidth, y + top + 12, o.empty ?? 'not run', { fill: '#777' })] };
  }
  const refs = o.references ?? [];
  const values = [...o.bars.flatMap((b) => [b.value, b.high ?? b.value]), ...refs.map((r) => r.value)].filter((v) => v > 0);
  const log = o.scale === 'log';
  const max = Math.max(...values) * (log ? 1.5 : 1.08);
  const min = log ? Math.min(...values) / 1.5 : 0;
  const plot = o.width - labelWidth - valueRoom;
  const x = (v: number) => labelWidth + (log ? (Math.log(Math.max(v, min)) - Math.log(min)) / (Math.log(max) - Math.log(min)) : v / max) * plot;
  const barsHeight = o.bars.length * (BAR_HEIGHT + GAP);
  const height = top + barsHeight + 20 + 12 * Math.max(1, refs.length);

  return {
    height,
    body: (y) => {
      const parts = [text(12, y + 14, o.title + (log ? ' (log scale)' : ''), { size: 12, bold: true })];
      o.bars.forEach((b, i) => {
        const by = y + top + i * (BAR_HEIGHT + GAP);
        parts.push(text(labelWidth - 6, by + 12, b.label, { anchor: 'end' }));
        parts.push(rect(labelWidth, by, x(b.value) - labelWidth, BAR_HEIGHT, b.color ?? BAR_COLOR));
        let end = x(b.value);
        if (b.low !== undefined && b.high !== undefined) {
          const mid = by + BAR_HEIGHT / 2;
          parts.push(line(x(b.low), mid, x(b.high), mid, '#333'), line(x(b.low), mid - 4, x(b.low), mid + 4, '#333'), line(x(b.high), mid - 4, x(b.high), mid + 4, '#333'));
          end = Math.max(end, x(b.high));
        }
        parts.push(text(end + 4, by + 12, b.valueText));
      });
      const bottom = y + top + barsHeight;
      refs.forEach((r, i) => {
        parts.push(line(x(r.value), y + top - 4, x(r.value), bottom, r.color, true));
        parts.push(text(x(r.value), bottom + 12 + i * 12, r.label, { anchor: 'middle', size: 10, fill: r.color }));
      });
      return parts;
    },
  };
}
