/**
 * The two guests the cold-start rows load: the end-to-end rewrite guest (a few hundred bytes) and
 * the generated ~100 KB guest, written beside the others (ignored by git) so the trial processes
 * can read it like any guest file.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guestBytes, guestPath } from '../guests.js';
import { largeGuestBytes } from '../guests/large-guest.js';

export interface ColdStartGuest {
  readonly key: 'small' | 'large';
  readonly label: string;
  readonly file: string;
  readonly size: number;
}

let written: Promise<ColdStartGuest[]> | undefined;

async function writeGuests(): Promise<ColdStartGuest[]> {
  const largeFile = fileURLToPath(new URL('../guests/large.wasm', import.meta.url));
  const large = await largeGuestBytes();
  // Written beside and renamed, so a trial never reads half a module.
  writeFileSync(`${largeFile}.${process.pid}.tmp`, large);
  renameSync(`${largeFile}.${process.pid}.tmp`, largeFile);
  return [
    { key: 'small', label: 'rewrite.wasm', file: guestPath('rewrite'), size: guestBytes('rewrite').length },
    { key: 'large', label: 'large-guest.ts', file: largeFile, size: large.length },
  ];
}

/** Generated once per run (assembling it takes about a second), shared by the sections. */
export function coldStartGuests(): Promise<ColdStartGuest[]> {
  return (written ??= writeGuests());
}
