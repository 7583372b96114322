/**
 * Checks every import of a guest against what the host provides, before instantiation, so a bad
 * guest fails when the middleware is created with the complete list of what is missing (the
 * engine's own LinkError names only the first).
 */
import { GuestLinkError } from '../errors.js';
import { HOST_MODULE } from '../abi/http-wasm/constants.js';
import { hostFunctions } from '../abi/http-wasm/signatures.js';
import { WASI_MODULE } from '../wasi/preview1.js';
import { formatFuncType, sameFuncType, type ImportInfo } from './module-info.js';

export function checkImports(imports: readonly ImportInfo[], guestName: string): void {
  const problems: string[] = [];
  for (const imp of imports) {
    const id = `${imp.module}.${imp.name}`;
    if (imp.kind !== 'function') {
      problems.push(`${id} (${imp.kind} imports are not provided; the guest must define its own ${imp.kind})`);
    } else if (imp.module === HOST_MODULE) {
      const expected = hostFunctions[imp.name];
      if (!expected) problems.push(`${id} (no such http_handler function)`);
      // Signatures are only known when the binary was parsed; a precompiled Module is checked by the engine.
      else if (imp.type && !sameFuncType(imp.type, expected)) {
        problems.push(`${id} (imported as ${formatFuncType(imp.type)}, host provides ${formatFuncType(expected)})`);
      }
    } else if (imp.module !== WASI_MODULE) {
      problems.push(`${id} (unknown module "${imp.module}")`);
    }
  }
  if (problems.length) {
    throw new GuestLinkError(
      `guest ${guestName} imports ${problems.length} thing(s) this host does not provide: ${problems.join('; ')}`,
      problems.map((p) => p.slice(0, p.indexOf(' '))),
      { phase: 'link', culprit: problems[0].slice(0, problems[0].indexOf(' ')) },
    );
  }
}
