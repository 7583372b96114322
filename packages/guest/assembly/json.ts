// JSON for guest configuration and JSON bodies. Dapr's guestConfig is usually a JSON object, and
// AssemblyScript has no JSON built in.
//
//   const cfg = parseJson(config.text());          // null when malformed
//   const keys = cfg !== null ? cfg.getStrings("apiKeys") : [];
//
// Objects keep their key order and numbers keep the text they were written with, so a document
// read and written again changes only where the guest changed it (no float reformatting).

export enum JsonKind {
  Null,
  Bool,
  Number,
  String,
  Array,
  Object,
}

/** Nesting deeper than this is refused: recursion must not exhaust the guest's stack. */
const MAX_DEPTH = 64;

export class JsonValue {
  /** A string's decoded text, or a number as written ("1e3"). */
  text: string = "";
  truth: bool = false;
  /** Array elements, or object values aligned with `keys`. */
  items: JsonValue[] = [];
  /** Object keys in document order. */
  keys: string[] = [];

  constructor(readonly kind: JsonKind) {}

  static null(): JsonValue {
    return new JsonValue(JsonKind.Null);
  }

  static bool(value: bool): JsonValue {
    const v = new JsonValue(JsonKind.Bool);
    v.truth = value;
    return v;
  }

  /** `text` must be a JSON number ("42", "-1.5e3"); it is written back unchanged. */
  static number(text: string): JsonValue {
    const v = new JsonValue(JsonKind.Number);
    v.text = text;
    return v;
  }

  static string(text: string): JsonValue {
    const v = new JsonValue(JsonKind.String);
    v.text = text;
    return v;
  }

  static array(): JsonValue {
    return new JsonValue(JsonKind.Array);
  }

  static object(): JsonValue {
    return new JsonValue(JsonKind.Object);
  }

  get isObject(): bool {
    return this.kind == JsonKind.Object;
  }

  get isArray(): bool {
    return this.kind == JsonKind.Array;
  }

  get isString(): bool {
    return this.kind == JsonKind.String;
  }

  /** Elements of an array or members of an object. */
  get length(): i32 {
    return this.items.length;
  }

  /** The member `key` of an object, or null (also when this is not an object). */
  get(key: string): JsonValue | null {
    const i = this.keys.indexOf(key);
    return i < 0 ? null : this.items[i];
  }

  has(key: string): bool {
    return this.keys.includes(key);
  }

  /** Replaces member `key` in place, or appends it. */
  set(key: string, value: JsonValue): void {
    const i = this.keys.indexOf(key);
    if (i >= 0) {
      this.items[i] = value;
    } else {
      this.keys.push(key);
      this.items.push(value);
    }
  }

  /** Removes member `key`; returns whether it was there. */
  remove(key: string): bool {
    const i = this.keys.indexOf(key);
    if (i < 0) return false;
    this.keys.splice(i, 1);
    this.items.splice(i, 1);
    return true;
  }

  /** Appends an array element. */
  push(value: JsonValue): void {
    this.items.push(value);
  }

  /** The number's value; NaN for anything else. */
  toNumber(): f64 {
    return this.kind == JsonKind.Number ? parseFloat(this.text) : NaN;
  }

  // Typed reads for configuration: a missing member or one of another type yields the fallback.

  getString(key: string, fallback: string = ""): string {
    const v = this.get(key);
    return v !== null && v.kind == JsonKind.String ? v.text : fallback;
  }

  getNumber(key: string, fallback: f64 = 0): f64 {
    const v = this.get(key);
    return v !== null && v.kind == JsonKind.Number ? v.toNumber() : fallback;
  }

  getBool(key: string, fallback: bool = false): bool {
    const v = this.get(key);
    return v !== null && v.kind == JsonKind.Bool ? v.truth : fallback;
  }

  /** The strings of array member `key`; other elements are skipped, and a missing member is []. */
  getStrings(key: string): string[] {
    const out = new Array<string>();
    const v = this.get(key);
    if (v === null || v.kind != JsonKind.Array) return out;
    for (let i = 0; i < v.items.length; i++) {
      const item = v.items[i];
      if (item.kind == JsonKind.String) out.push(item.text);
    }
    return out;
  }

  /** Compact JSON text. */
  toString(): string {
    const out = new Array<string>();
    writeJson(this, out);
    return out.join("");
  }
}

function writeJson(v: JsonValue, out: string[]): void {
  switch (v.kind) {
    case JsonKind.Null:
      out.push("null");
      break;
    case JsonKind.Bool:
      out.push(v.truth ? "true" : "false");
      break;
    case JsonKind.Number:
      out.push(v.text);
      break;
    case JsonKind.String:
      out.push(quoteJson(v.text));
      break;
    case JsonKind.Array:
      out.push("[");
      for (let i = 0; i < v.items.length; i++) {
        if (i) out.push(",");
        writeJson(v.items[i], out);
      }
      out.push("]");
      break;
    default:
      out.push("{");
      for (let i = 0; i < v.items.length; i++) {
        if (i) out.push(",");
        out.push(quoteJson(v.keys[i]));
        out.push(":");
        writeJson(v.items[i], out);
      }
      out.push("}");
  }
}

const HEX = "0123456789abcdef";

/** `s` as a JSON string literal, quotes included: for building JSON bodies by hand. */
export function quoteJson(s: string): string {
  let out = "\"";
  let run = 0; // start of the pending stretch that needs no escaping
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c != 0x22 && c != 0x5c) continue;
    out += s.substring(run, i);
    run = i + 1;
    if (c == 0x22) out += "\\\"";
    else if (c == 0x5c) out += "\\\\";
    else if (c == 0x0a) out += "\\n";
    else if (c == 0x0d) out += "\\r";
    else if (c == 0x09) out += "\\t";
    else out += "\\u00" + HEX.charAt(c >> 4) + HEX.charAt(c & 15);
  }
  return out + s.substring(run) + "\"";
}

/** Parses JSON text; null when it is not exactly one well-formed value (whitespace around is fine). */
export function parseJson(text: string): JsonValue | null {
  const reader = new JsonReader(text);
  const value = reader.value(0);
  reader.skipSpace();
  if (value === null || reader.pos != text.length) return null;
  return value;
}

class JsonReader {
  pos: i32 = 0;

  constructor(readonly src: string) {}

  skipSpace(): void {
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c != 0x20 && c != 0x0a && c != 0x0d && c != 0x09) return;
      this.pos++;
    }
  }

  value(depth: i32): JsonValue | null {
    if (depth > MAX_DEPTH) return null;
    this.skipSpace();
    if (this.pos >= this.src.length) return null;
    const c = this.src.charCodeAt(this.pos);
    if (c == 0x7b) return this.object(depth);
    if (c == 0x5b) return this.array(depth);
    if (c == 0x22) {
      const s = this.string();
      return s === null ? null : JsonValue.string(s);
    }
    if (this.literal("true")) return JsonValue.bool(true);
    if (this.literal("false")) return JsonValue.bool(false);
    if (this.literal("null")) return JsonValue.null();
    return this.number();
  }

  private literal(word: string): bool {
    if (this.src.substr(this.pos, word.length) != word) return false;
    this.pos += word.length;
    return true;
  }

  private object(depth: i32): JsonValue | null {
    const obj = JsonValue.object();
    this.pos++; // {
    this.skipSpace();
    if (this.eat(0x7d)) return obj;
    do {
      this.skipSpace();
      if (this.peek() != 0x22) return null;
      const key = this.string();
      if (key === null) return null;
      this.skipSpace();
      if (!this.eat(0x3a)) return null;
      const member = this.value(depth + 1);
      if (member === null) return null;
      obj.set(key, member);
      this.skipSpace();
    } while (this.eat(0x2c));
    return this.eat(0x7d) ? obj : null;
  }

  private array(depth: i32): JsonValue | null {
    const arr = JsonValue.array();
    this.pos++; // [
    this.skipSpace();
    if (this.eat(0x5d)) return arr;
    do {
      const item = this.value(depth + 1);
      if (item === null) return null;
      arr.push(item);
      this.skipSpace();
    } while (this.eat(0x2c));
    return this.eat(0x5d) ? arr : null;
  }

  private string(): string | null {
    this.pos++; // opening quote
    let out = "";
    let run = this.pos;
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c == 0x22) {
        out += this.src.substring(run, this.pos++);
        return out;
      }
      if (c < 0x20) return null;
      if (c != 0x5c) {
        this.pos++;
        continue;
      }
      out += this.src.substring(run, this.pos);
      const esc = this.src.charCodeAt(this.pos + 1);
      this.pos += 2;
      if (esc == 0x22) out += "\"";
      else if (esc == 0x5c) out += "\\";
      else if (esc == 0x2f) out += "/";
      else if (esc == 0x62) out += "\b";
      else if (esc == 0x66) out += "\f";
      else if (esc == 0x6e) out += "\n";
      else if (esc == 0x72) out += "\r";
      else if (esc == 0x74) out += "\t";
      else if (esc == 0x75) {
        const unit = this.hex4();
        if (unit < 0) return null;
        // UTF-16 code units map one to one onto AssemblyScript strings, so a surrogate pair
        // written as two escapes needs no special handling.
        out += String.fromCharCode(unit);
      } else return null;
      run = this.pos;
    }
    return null; // unterminated
  }

  private hex4(): i32 {
    if (this.pos + 4 > this.src.length) return -1;
    let unit = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.src.charCodeAt(this.pos++);
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
      if (d < 0) return -1;
      unit = (unit << 4) | d;
    }
    return unit;
  }

  private number(): JsonValue | null {
    const start = this.pos;
    this.eat(0x2d); // -
    if (!this.digits()) return null;
    if (this.eat(0x2e) && !this.digits()) return null; // .
    const e = this.peek();
    if (e == 0x65 || e == 0x45) {
      this.pos++;
      if (!this.eat(0x2b)) this.eat(0x2d);
      if (!this.digits()) return null;
    }
    return JsonValue.number(this.src.substring(start, this.pos));
  }

  private digits(): bool {
    const start = this.pos;
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c < 0x30 || c > 0x39) break;
      this.pos++;
    }
    return this.pos > start;
  }

  private peek(): i32 {
    return this.pos < this.src.length ? this.src.charCodeAt(this.pos) : -1;
  }

  private eat(c: i32): bool {
    if (this.peek() != c) return false;
    this.pos++;
    return true;
  }
}
