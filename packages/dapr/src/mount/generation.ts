/**
 * One version of the pipeline: the guests in order, and how many requests are inside it. A reload
 * installs a new generation and retires the old one; the old one's guests are closed only once the
 * last request that entered it has left, so a request that already passed guest 1 never reaches a
 * closed guest 2. A guest shared by several generations (a reload replaced another one) stays open
 * while any of them is live.
 */
import type { PipelineGuest } from './load-pipeline.js';

/** What the runtime needs from an adapter's middleware. */
export interface AdapterHandle {
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface Stage<H extends AdapterHandle> {
  readonly guest: PipelineGuest;
  readonly handler: H;
  /** Live generations holding this stage. */
  users: number;
}

export class Generation<H extends AdapterHandle> {
  readonly handlers: readonly H[];
  private active = 0;
  private retired = false;

  constructor(
    readonly stages: readonly Stage<H>[],
    private readonly onDrained: (generation: Generation<H>) => void,
  ) {
    this.handlers = stages.map((s) => s.handler);
    for (const s of stages) s.users++;
  }

  /** A request comes in; pair with exactly one `leave()`. */
  enter(): this {
    this.active++;
    return this;
  }

  leave(): void {
    if (--this.active === 0 && this.retired) this.onDrained(this);
  }

  /** A newer generation serves new requests from now on. */
  retire(): void {
    this.retired = true;
    if (this.active === 0) this.onDrained(this);
  }
}
