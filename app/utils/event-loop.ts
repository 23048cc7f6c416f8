/**
 * Resolves after one turn of the event loop. better-sqlite3 is synchronous, so a loop of awaited statements
 * runs in microtasks alone and never lets timers or sockets in: long loops await this between steps.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A time slicer for long loops: `await pace()` yields to the event loop once `sliceMs` have passed since
 * the last yield (otherwise it resolves at once), so requests keep being answered while the loop runs.
 * `yieldNow` is how it yields (default: one turn of the loop).
 */
export function timeSlicer(sliceMs = 20, yieldNow: () => Promise<void> = yieldToEventLoop): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await yieldNow();
    last = performance.now();
  };
}
