// How many HTTP requests this process is answering right now. scripts/serve.ts counts them; the
// in-process job poller (SQLite) defers background work while webhooks and pages are being answered,
// so a burst of webhooks is acknowledged first and applied right after. Kept on globalThis because the
// server script and the app bundle each load their own copy of this module.
const KEY = Symbol.for("stockcast.httpRequestsInFlight");

interface Counter {
  inFlight: number;
  /** performance.now() when the last request started or finished. */
  lastActivity: number;
}

function counter(): Counter {
  const holder = globalThis as { [KEY]?: Counter };
  return (holder[KEY] ??= { inFlight: 0, lastActivity: 0 });
}

/** Call when a request starts; the returned function marks it finished (call it once). */
export function trackHttpRequest(): () => void {
  const c = counter();
  c.inFlight++;
  c.lastActivity = performance.now();
  let done = false;
  return () => {
    if (!done) c.inFlight--;
    c.lastActivity = performance.now();
    done = true;
  };
}

export function httpRequestsInFlight(): number {
  return counter().inFlight;
}

/** True when no request is being answered and none has come or gone for `quietMs`. */
export function httpQuietFor(quietMs: number): boolean {
  const c = counter();
  return c.inFlight === 0 && performance.now() - c.lastActivity >= quietMs;
}

/**
 * For long background work in the web process (a CSV import on SQLite): yields to the event loop, then
 * keeps yielding while requests are being answered, for at most `maxMs`. A request needs several turns of
 * the loop (each database call of its handler is one); yielding once between steps of background work
 * would make it wait a whole step per turn.
 */
export async function yieldToRequests(maxMs = 100): Promise<void> {
  const until = performance.now() + maxMs;
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (counter().inFlight > 0 && performance.now() < until) await new Promise<void>((resolve) => setTimeout(resolve, 1));
}
