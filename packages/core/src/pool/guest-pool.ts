/**
 * Guest instances are not reentrant, and a request holds its instance from handle_request across
 * the awaited downstream handler to handle_response. So concurrency needs one instance per
 * in-flight request: this pool. It grows on demand up to `max`, parks further requests in a
 * bounded FIFO queue, and never hands out an instance that trapped.
 */
import { MiddlewareClosedError, PoolExhaustedError } from '../errors.js';

export interface PoolOptions<T> {
  create(): Promise<T>;
  /** Frees whatever an instance holds; called for discarded and closed instances. */
  destroy?(item: T): void;
  /** Most instances alive at once. */
  max: number;
  /** Most requests waiting for an instance; beyond it acquire() fails at once. */
  maxWaiting: number;
  /** How long a request may wait for an instance. */
  acquireTimeoutMs: number;
}

export interface PoolStats {
  /** Instances alive (idle + in use + being created). */
  size: number;
  idle: number;
  inUse: number;
  waiting: number;
  /** Instances created over the pool's life. */
  created: number;
  /** Instances thrown away because they trapped. */
  discarded: number;
  /** acquire() calls refused because the pool and its queue were full or the wait timed out. */
  rejected: number;
}

interface Waiter<T> {
  resolve(item: T): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class GuestPool<T> {
  private readonly idle: T[] = [];
  private readonly waiters: Waiter<T>[] = [];
  private alive = 0;
  private inUse = 0;
  private created = 0;
  private discarded = 0;
  private rejected = 0;
  private closed = false;
  private drained: (() => void) | undefined;

  constructor(private readonly options: PoolOptions<T>) {}

  /** An idle instance right now, without a promise; undefined when none is idle. */
  tryAcquire(): T | undefined {
    const item = this.idle.pop();
    if (item !== undefined) this.inUse++;
    return item;
  }

  async acquire(): Promise<T> {
    if (this.closed) throw new MiddlewareClosedError('the middleware is closed', { phase: 'pool' });
    const ready = this.tryAcquire();
    if (ready !== undefined) return ready;
    if (this.alive < this.options.max) return this.grow();
    if (this.waiters.length >= this.options.maxWaiting) {
      this.rejected++;
      throw new PoolExhaustedError(
        `all ${this.options.max} guest instances are busy and ${this.waiters.length} requests are already waiting`,
        { phase: 'pool', culprit: 'poolSize' },
      );
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { resolve, reject, timer: undefined };
      waiter.timer = setTimeout(() => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        this.rejected++;
        reject(new PoolExhaustedError(`no guest instance became free within ${this.options.acquireTimeoutMs} ms`, {
          phase: 'pool', culprit: 'acquireTimeoutMs',
        }));
      }, this.options.acquireTimeoutMs);
      this.waiters.push(waiter);
    });
  }

  private async grow(): Promise<T> {
    this.alive++;
    this.inUse++;
    try {
      const item = await this.options.create();
      this.created++;
      return item;
    } catch (err) {
      this.alive--;
      this.inUse--;
      this.wakeForGrowth();
      throw err;
    }
  }

  /** Returns an instance; `healthy: false` (it trapped, or its request failed mid-call) discards it. */
  release(item: T, healthy: boolean): void {
    this.inUse--;
    if (!healthy || this.closed) {
      this.alive--;
      if (!healthy) this.discarded++;
      this.options.destroy?.(item);
      this.wakeForGrowth();
    } else {
      const waiter = this.waiters.shift();
      if (waiter) {
        if (waiter.timer) clearTimeout(waiter.timer);
        this.inUse++;
        waiter.resolve(item);
      } else this.idle.push(item);
    }
    if (this.closed && this.inUse === 0) this.drained?.();
  }

  /** A slot freed up: let the first waiter create a fresh instance. */
  private wakeForGrowth(): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (!waiter) return;
    if (waiter.timer) clearTimeout(waiter.timer);
    this.grow().then(waiter.resolve, waiter.reject);
  }

  /** Creates instances until `count` are idle or the pool is full; errors propagate (fail fast). */
  async warm(count: number): Promise<void> {
    while (this.idle.length < count && this.alive < this.options.max) {
      const item = await this.grow();
      this.release(item, true);
    }
  }

  stats(): PoolStats {
    return {
      size: this.alive,
      idle: this.idle.length,
      inUse: this.inUse,
      waiting: this.waiters.length,
      created: this.created,
      discarded: this.discarded,
      rejected: this.rejected,
    };
  }

  /** Refuses new work, fails waiters, frees idle instances, and resolves once in-flight ones return. */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      for (const w of this.waiters.splice(0)) {
        if (w.timer) clearTimeout(w.timer);
        w.reject(new MiddlewareClosedError('the middleware was closed while this request waited', { phase: 'pool' }));
      }
      for (const item of this.idle.splice(0)) {
        this.alive--;
        this.options.destroy?.(item);
      }
    }
    if (this.inUse === 0) return Promise.resolve();
    return new Promise((resolve) => (this.drained = resolve));
  }
}
