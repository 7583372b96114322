/** A guest module's bytes, checked, and where they came from. */
export interface LoadedModule {
  readonly bytes: Uint8Array;
  /** sha256 of `bytes`, lower-case hex. */
  readonly sha256: string;
  /**
   * `file`: read from disk; `network`: downloaded; `revalidated`: the origin said the cached copy is
   * current (304); `cache`: the cached copy, because it matches the pin or the origin is down.
   */
  readonly origin: 'file' | 'network' | 'revalidated' | 'cache';
}
