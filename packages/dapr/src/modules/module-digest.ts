import { createHash } from 'node:crypto';

/** The sha256 of a module, as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads a pin in any of the spellings people copy from tools: bare hex (`sha256sum`), `sha256:<hex>`
 * (OCI digests) or `sha256-<base64>` (Subresource Integrity). Returns lower-case hex, or throws an
 * Error saying what was expected.
 */
export function parseSha256Pin(text: string): string {
  const pin = text.trim();
  const hex = pin.replace(/^sha256:/i, '');
  if (/^[0-9a-f]{64}$/i.test(hex)) return hex.toLowerCase();
  const sri = /^sha256-([A-Za-z0-9+/]{43}=)$/.exec(pin);
  if (sri) return Buffer.from(sri[1]!, 'base64').toString('hex');
  throw new Error(
    `${JSON.stringify(text)} is not a sha256 digest; write 64 hex digits (as sha256sum prints them), sha256:<hex>, or sha256-<base64>`,
  );
}
