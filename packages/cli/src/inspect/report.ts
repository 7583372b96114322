/** `inspect`'s whole answer: the description read from the binary plus the core's trial run. */
import { GuestLoadError } from '@dapr-wasm/core';
import { errorView } from '../format.js';
import { readGuest } from '../guest-source.js';
import type { LogLine } from '../log-lines.js';
import { describeGuest, type GuestDescription } from './describe.js';
import { featureList } from './http-handler-abi.js';
import { tryGuest, type TrialOptions, type Verdict } from './verdict.js';

export interface FeaturesAtInit {
  /** The set every request starts with, as the host reported it to the guest. */
  readonly enabled: readonly string[];
  /** What the guest asked for; bits the host does not offer stay out of `enabled`. */
  readonly requested: readonly string[];
  readonly enableFeaturesCalls: number;
  readonly getConfigCalls: number;
}

export interface InspectReport {
  readonly guest: string;
  /** Null when the guest could not even be read. */
  readonly description: GuestDescription | null;
  /** Null when no instance was created (the guest failed before instantiation). */
  readonly featuresAtInit: FeaturesAtInit | null;
  readonly initLog: readonly LogLine[];
  readonly verdict: Verdict;
}

export async function inspectGuest(ref: string, cwd: string, options: TrialOptions = {}): Promise<InspectReport> {
  let guest;
  try {
    guest = await readGuest(ref, cwd);
  } catch (err) {
    if (!(err instanceof GuestLoadError)) throw err;
    const verdict: Verdict = { canRun: false, reasons: [err.message], error: errorView(err) };
    return { guest: ref, description: null, featuresAtInit: null, initLog: [], verdict };
  }
  const description = describeGuest(guest.bytes);
  const { verdict, init, initLog } = await tryGuest(guest, description, options);
  const featuresAtInit: FeaturesAtInit | null =
    init.instances === 0
      ? null
      : {
          enabled: featureList(init.enabled),
          requested: featureList(init.requested),
          enableFeaturesCalls: init.enableCalls,
          getConfigCalls: init.configReads,
        };
  return { guest: ref, description, featuresAtInit, initLog, verdict };
}
