/**
 * Lets the event loop turn, so pending I/O (other users' requests) is served before the caller goes on. With
 * SQLite every statement runs synchronously, so a long run of awaits is only microtasks and would hold the loop
 * until its end: heavy work (an import, a restore) calls this between its bounded batches.
 */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
