/**
 * Resolves after one turn of the event loop. better-sqlite3 is synchronous, so a loop of awaited statements
 * runs in microtasks alone and never lets timers or sockets in: long loops await this between steps.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
