/** One header field line: `[name, value]`, name as received. */
export type HeaderEntry = [name: string, value: string];
export type HeaderEntries = HeaderEntry[];

/**
 * An ordered multi-map of header field lines. Each field line is its own value: values are never
 * split on commas nor joined. Lookups are case-insensitive; names are stored as first seen so an
 * adapter can reproduce them, and lower-cased on the way to the guest.
 */
export class HeaderFields {
  private readonly lines: HeaderEntries;
  /** True once a mutation happened, so adapters only rewrite what the guest touched. */
  changed = false;

  constructor(lines: HeaderEntries = []) {
    this.lines = lines;
  }

  /** Distinct lower-cased names, in first-seen order. */
  names(): string[] {
    const seen = new Set<string>();
    for (const [n] of this.lines) seen.add(n.toLowerCase());
    return [...seen];
  }

  values(name: string): string[] {
    const key = name.toLowerCase();
    const out: string[] = [];
    for (const [n, v] of this.lines) if (n.length === key.length && n.toLowerCase() === key) out.push(v);
    return out;
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    return this.lines.some(([n]) => n.toLowerCase() === key);
  }

  /** Replaces every value of `name` with one value, keeping the position of the first. */
  set(name: string, value: string): void {
    const key = name.toLowerCase();
    const lines = this.lines;
    let at = -1;
    // One pass: keep the first match's slot for the new value, drop the others.
    let w = 0;
    for (let r = 0; r < lines.length; r++) {
      const line = lines[r];
      if (line[0].length === key.length && line[0].toLowerCase() === key) {
        if (at >= 0) continue;
        at = w;
      }
      lines[w++] = line;
    }
    if (w !== lines.length) lines.length = w; // setting length is a runtime call, even a no-op one
    if (at < 0) lines.push([name, value]);
    else lines[at] = [name, value];
    this.changed = true;
  }

  add(name: string, value: string): void {
    this.lines.push([name, value]);
    this.changed = true;
  }

  remove(name: string): void {
    const key = name.toLowerCase();
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i][0].toLowerCase() === key) this.lines.splice(i, 1);
    this.changed = true;
  }

  entries(): HeaderEntries {
    return this.lines;
  }

  /** Field lines grouped by lower-cased name, in first-seen order: the shape `setHeader` wants. */
  grouped(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [n, v] of this.lines) {
      const key = n.toLowerCase();
      const list = out.get(key);
      if (list) list.push(v);
      else out.set(key, [v]);
    }
    return out;
  }

  get size(): number {
    return this.lines.length;
  }
}
