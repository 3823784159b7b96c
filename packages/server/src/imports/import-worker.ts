import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Deps, runImportTick } from "@kith/core";

export interface ImportWorkerLog {
  error(obj: object, msg: string): void;
}

export interface ImportWorker {
  /** Starts polling for jobs (queued here or on another instance, or left by an instance that died). */
  start(): void;
  /** A job was queued here: look now rather than at the next poll. */
  kick(): void;
  /** Stops after the chunk in hand; the job's lease is given back, so any instance resumes it at once. */
  stop(): Promise<void>;
}

export interface ImportWorkerOptions {
  pollMs: number;
  log: ImportWorkerLog;
  /** Names this instance in leases; unique per process. */
  owner?: string;
}

/**
 * The in-process import worker every instance runs: a pass (`runImportTick`) whenever a job is queued here and
 * every `pollMs`, never two at once in one process. Jobs are claimed with a lease in the database, so across
 * instances each runs on one at a time, and a job whose instance died is resumed by another when its lease lapses.
 */
export function createImportWorker(deps: Deps, opts: ImportWorkerOptions): ImportWorker {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const tick = () => {
    if (stopping.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = runImportTick(deps, { owner, signal: stopping.signal })
      .then(() => undefined)
      .catch((error: unknown) => opts.log.error({ err: error }, "import worker pass failed"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  return {
    start() {
      if (timer || stopping.signal.aborted) return;
      timer = setInterval(tick, opts.pollMs);
      // A process with nothing else to do may exit: the next start of any instance resumes what is left.
      timer.unref();
      setImmediate(tick);
    },
    kick: () => setImmediate(tick),
    async stop() {
      stopping.abort();
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
