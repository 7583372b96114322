/**
 * Keeps the last few kilobytes a runtime printed, so a failed start can show the runtime's own
 * explanation (an unresolved import, a missing permission, an uncaught error) in the test failure.
 */
const TAIL_CHARS = 8_000;

export class OutputTail {
  #text = '';

  keep(chunk: string): void {
    this.#text = (this.#text + chunk).slice(-TAIL_CHARS);
  }

  /** Drains a stream into the tail; draining also keeps a chatty child from blocking on a full pipe. */
  follow(stream: NodeJS.ReadableStream): void {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => this.keep(chunk));
  }

  explain(runtime: string, why: string): Error {
    return new Error(`${runtime} ${why}\n--- ${runtime} output ---\n${this.#text}`);
  }
}
