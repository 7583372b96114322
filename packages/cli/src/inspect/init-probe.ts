/**
 * What a guest asked for while it initialised (start section, `_initialize`, `_start`), as the
 * core reports it once `ready` settled (`describe()`): nothing is known of a guest that failed to
 * start.
 */
import type { GuestDescription } from '@dapr-wasm/core';

export interface InitObservation {
  /** Instances the core created while starting (1 with warmInstances 1). */
  readonly instances: number;
  /** How many times enable_features was called during init. */
  readonly enableCalls: number;
  /** The union of the bits asked for. */
  readonly requested: number;
  /** The set enabled for every request. */
  readonly enabled: number;
  /** get_config calls made during init. */
  readonly configReads: number;
}

export function initObservation(description: GuestDescription | undefined, instances: number): InitObservation {
  if (!description) return { instances: 0, enableCalls: 0, requested: 0, enabled: 0, configReads: 0 };
  return {
    instances,
    enableCalls: description.enableFeaturesCallsAtInit,
    requested: description.initFeaturesRequested,
    enabled: description.initFeatures,
    configReads: description.getConfigCallsAtInit,
  };
}
