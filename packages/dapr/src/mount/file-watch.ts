/**
 * Watches files and folders through their parent directories (editors save by writing a new file
 * and renaming it over the old one, which a watch on the file itself would lose), and reports each
 * changed target once its write burst has been quiet for `debounceMs`.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isYamlFile } from '../resource-files.js';

export interface WatchTarget {
  /** Absolute path. */
  readonly path: string;
  /** A folder reports changes to the `.yaml`/`.yml` files directly in it; a file, changes to itself. */
  readonly kind: 'file' | 'folder';
  /** What to report when it changes; several targets may share a key. */
  readonly key: string;
}

export class FileWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private targets: readonly WatchTarget[] = [];
  private closed = false;

  constructor(
    private readonly debounceMs: number,
    private readonly onChange: (key: string) => void,
    private readonly onError: (message: string) => void,
  ) {}

  /** Replaces what is watched. */
  set(targets: readonly WatchTarget[]): void {
    if (this.closed) return;
    this.targets = targets;
    const dirs = new Set(targets.map((t) => (t.kind === 'folder' ? t.path : dirname(t.path))));
    for (const [dir, watcher] of this.watchers) {
      if (dirs.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of dirs) if (!this.watchers.has(dir)) this.open(dir);
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private open(dir: string): void {
    let watcher: FSWatcher;
    try {
      // Not persistent: watching must never keep the process alive on its own.
      watcher = watch(dir, { persistent: false }, (_event, filename) => this.changed(dir, filename?.toString()));
    } catch (err) {
      this.onError(`cannot watch ${dir}: ${(err as Error).message}`);
      return;
    }
    watcher.on('error', (err) => {
      this.onError(`stopped watching ${dir}: ${err.message}`);
      watcher.close();
      this.watchers.delete(dir);
    });
    this.watchers.set(dir, watcher);
  }

  private changed(dir: string, filename: string | undefined): void {
    for (const t of this.targets) {
      const hit =
        t.kind === 'folder'
          ? t.path === dir && (filename === undefined || isYamlFile(filename))
          : dirname(t.path) === dir && (filename === undefined || filename === basename(t.path));
      if (hit) this.schedule(t.key);
    }
  }

  private schedule(key: string): void {
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!this.closed) this.onChange(key);
    }, this.debounceMs);
    timer.unref();
    this.timers.set(key, timer);
  }
}
