/**
 * A host must never throw into the app: errors become outcomes. Something that escapes anyway (an
 * unhandled rejection or an uncaught exception while a case runs) fails that case, with the
 * error, instead of failing the whole run somewhere else.
 */
type Listener = (...args: unknown[]) => void;

const events = ['unhandledRejection', 'uncaughtException'] as const;
type EscapeEvent = (typeof events)[number];

function listenersOf(e: EscapeEvent): Listener[] {
  return (e === 'unhandledRejection' ? process.listeners('unhandledRejection') : process.listeners('uncaughtException')) as Listener[];
}

export async function failingOnEscapes(body: () => Promise<void>): Promise<void> {
  const saved = events.map((e) => [e, listenersOf(e)] as const);
  const escaped: unknown[] = [];
  const record = (reason: unknown) => void escaped.push(reason);
  for (const e of events) {
    process.removeAllListeners(e);
    process.on(e, record);
  }
  let failure: unknown;
  try {
    await body();
  } catch (err) {
    failure = err;
  }
  // Give rejections from the last exchange a turn to surface.
  await new Promise((resolve) => setTimeout(resolve, 5));
  for (const [e, listeners] of saved) {
    process.off(e, record);
    for (const l of listeners) process.on(e, l);
  }
  if (escaped.length) {
    const first = escaped[0];
    const why = failure === undefined ? '' : ` (and the case failed: ${(failure as Error).message})`;
    throw new Error(`the host let ${escaped.length} error(s) escape into the app${why}: ${first instanceof Error ? first.stack : String(first)}`);
  }
  if (failure !== undefined) throw failure;
}
