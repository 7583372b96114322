/**
 * A module as a list of sections the instrumenter can replace, drop or add to. Untouched
 * sections are written back byte for byte, header included.
 */
import type { ModuleInfo } from '../module-info.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

export const SECTION_CUSTOM = 0;
export const SECTION_TYPE = 1;
export const SECTION_IMPORT = 2;
export const SECTION_TABLE = 4;
export const SECTION_MEMORY = 5;
export const SECTION_GLOBAL = 6;
export const SECTION_EXPORT = 7;
export const SECTION_START = 8;
export const SECTION_ELEMENT = 9;
export const SECTION_CODE = 10;

export interface Section {
  id: number;
  /** The section's contents, without id and size. */
  content: Uint8Array;
  /** The original bytes, header included; cleared when the content is replaced. */
  raw?: Uint8Array;
  /** A custom section's name. */
  customName?: string;
}

/** Known sections must appear in this order (the tag section, 13, sits between memory and global). */
const ORDER: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13 };

export function splitSections(bytes: Uint8Array, info: ModuleInfo): Section[] {
  return info.sections.map((s) => {
    const section: Section = { id: s.id, content: bytes.subarray(s.contentStart, s.end), raw: bytes.subarray(s.start, s.end) };
    if (s.id === SECTION_CUSTOM) section.customName = customSectionName(section.content);
    return section;
  });
}

export function findSection(sections: Section[], id: number): Section | undefined {
  return sections.find((s) => s.id === id);
}

/** Sets a section's new content, adding the section at its place in the order if it is absent. */
export function putSection(sections: Section[], id: number, content: Uint8Array): void {
  const existing = findSection(sections, id);
  if (existing) {
    existing.content = content;
    existing.raw = undefined;
    return;
  }
  const rank = ORDER[id];
  const before = sections.findIndex((s) => s.id !== SECTION_CUSTOM && ORDER[s.id] > rank);
  sections.splice(before === -1 ? sections.length : before, 0, { id, content });
}

export function joinSections(header: Uint8Array, sections: Section[]): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter(sections.reduce((n, s) => n + s.content.length + 6, header.length));
  out.bytes(header);
  for (const s of sections) {
    if (s.raw) out.bytes(s.raw);
    else out.byte(s.id).uleb(s.content.length).bytes(s.content);
  }
  return out.finish();
}

function customSectionName(content: Uint8Array): string | undefined {
  try {
    return new TextDecoder().decode(new ByteReader(content, 0, content.length).nameBytes());
  } catch {
    return undefined; // a malformed custom section is copied as it is; the engine ignores it
  }
}
