/** A bounded load on loopback: `concurrency` clients sending requests back to back for `durationMs`. */
export interface LoadResult {
  readonly startedAt: number;
  readonly status: number;
  readonly body: string;
  /** Set when the request failed below HTTP (reset, refused). */
  readonly error?: string;
}

export async function runLoad(url: string, durationMs: number, concurrency = 8): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const until = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const startedAt = Date.now();
        try {
          const res = await fetch(url);
          results.push({ startedAt, status: res.status, body: await res.text() });
        } catch (err) {
          results.push({ startedAt, status: 0, body: '', error: String((err as Error).cause ?? err) });
        }
      }
    }),
  );
  return results;
}
