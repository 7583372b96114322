/**
 * The verdict comes from the real core, never from the CLI's own reading: the guest is loaded
 * exactly as an app would load it (createMiddleware, then `ready`), so "can run" means the core
 * compiled it, linked it, and started an instance (start section, `_initialize`/`_start`).
 */
import { GuestLinkError, createMiddleware, type Logger } from '@dapr-wasm/core';
import { errorView, type ErrorView } from '../format.js';
import type { GuestBytes } from '../guest-source.js';
import { collectingLogger, type LogLine } from '../log-lines.js';
import type { GuestDescription } from './describe.js';
import { initObservation, type InitObservation } from './init-probe.js';

export interface Verdict {
  readonly canRun: boolean;
  /** Why not, one line each; a link error lists every import at fault. */
  readonly reasons: readonly string[];
  readonly error?: ErrorView;
}

export interface TrialOptions {
  readonly guestConfig?: Uint8Array | undefined;
  readonly deadlineMs?: number | undefined;
}

export interface Trial {
  readonly verdict: Verdict;
  readonly init: InitObservation;
  /** What the guest logged or printed while it initialised. */
  readonly initLog: readonly LogLine[];
}

/** `env.abort (unknown module "env")`: the reason the core gave for one import, found in its message. */
function withReason(id: string, message: string): string {
  const at = message.indexOf(`${id} (`);
  if (at < 0) return id;
  let depth = 0;
  for (let i = at + id.length + 1; i < message.length; i++) {
    if (message[i] === '(') depth++;
    else if (message[i] === ')' && --depth === 0) return message.slice(at, i + 1);
  }
  return id;
}

function reasonsFor(err: unknown, description: GuestDescription): string[] {
  const reasons: string[] = [];
  // Said once: by the core when it names the ABI itself, else by the description.
  if (description.abi === 'proxy-wasm' && (err as { culprit?: string }).culprit !== 'proxy-wasm') {
    reasons.push("it is a proxy-wasm filter (Envoy's ABI); only http-wasm guests (Dapr's middleware.http.wasm) run here");
  }
  if (err instanceof GuestLinkError && err.missing.length) {
    reasons.push(`it imports ${err.missing.length} thing(s) this host does not provide:`);
    for (const id of err.missing) reasons.push(`  ${withReason(id, err.message)}`);
  } else {
    reasons.push((err as Error).message);
  }
  return reasons;
}

export async function tryGuest(guest: GuestBytes, description: GuestDescription, options: TrialOptions = {}): Promise<Trial> {
  const initLog: LogLine[] = [];
  const logger: Logger = collectingLogger(initLog);
  const mw = createMiddleware(
    { bytes: guest.bytes, name: guest.name, logger, guestConfig: options.guestConfig, deadlineMs: options.deadlineMs, warmInstances: 1 },
    // Trailers as the Node host (Express) grants them; Koa and Hono report the bit as 0.
    { capabilities: { trailers: true } },
  );
  let result: PromiseSettledResult<void>;
  try {
    result = { status: 'fulfilled', value: await mw.ready };
  } catch (reason) {
    result = { status: 'rejected', reason };
  }
  const init = initObservation(mw.describe(), mw.stats().created);
  await mw.close();
  const verdict: Verdict =
    result.status === 'fulfilled'
      ? { canRun: true, reasons: [] }
      : { canRun: false, reasons: reasonsFor(result.reason, description), error: errorView(result.reason) };
  // The core also logs its own creation error; the verdict already says it.
  const guestLines = initLog.filter((l) => !(verdict.error && l.message === verdict.error.message));
  return { verdict, init, initLog: guestLines };
}
