import { Worker } from "node:worker_threads";
import type { Config } from "@kith/runtime";
import type { Job } from "./job-runner.ts";

/** The jobs that may run in the jobs thread: the heavy ones, whose chunks would otherwise hold the request loop. */
export const THREAD_JOBS = ["imports", "restores"] as const;
export type ThreadJobName = (typeof THREAD_JOBS)[number];

export interface JobsThreadData {
  config: Config;
  names: readonly ThreadJobName[];
}

export type ToJobsThread = { kind: "run"; id: number; job: string } | { kind: "abort" } | { kind: "stop" };
export type FromJobsThread =
  | { kind: "ran"; id: number; result: object | null }
  | { kind: "failed"; id: number; message: string; stack?: string }
  | { kind: "stopped" };

/**
 * Starts the thread: `jobs-thread.mjs` beside the bundle (`scripts/build-server.mjs` builds both); from the
 * TypeScript sources (tsx, whose loader a worker thread does not inherit) a two-line bootstrap registers tsx in the
 * thread first, then loads `jobs-thread.ts`.
 */
function startThread(workerData: JobsThreadData): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./jobs-thread.mjs", import.meta.url), { workerData });
  const entry = new URL("./jobs-thread.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

interface Pending {
  resolve(result: object | null): void;
  reject(error: Error): void;
}

/**
 * Heavy jobs (imports, restores) whose passes run in one worker thread with its own database connection
 * (`jobs-thread.ts`), as `Job`s for the process's one runner: the runner keeps their schedule, kicks and "one pass
 * at a time", the thread runs each pass and answers with its result. On SQLite every statement of a chunk, and its
 * commit, then holds the thread's loop instead of the one that answers requests (WAL: readers there never wait;
 * a writer waits for the chunk's commit at most, through the busy timeout). Leases are as before: the thread's
 * jobs claim them in the database like any instance's. The thread starts with the first pass; a thread that dies
 * fails the passes in hand (the runner logs them) and the next pass starts another. Stopping aborts the passes
 * (each ends after its chunk and gives its lease back), then the thread closes its database and ends.
 */
export function threadedJobs(config: Config, names: readonly ThreadJobName[], everyMs: number): Job[] {
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let next = 0;

  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const thread = (): Worker => {
    if (worker) return worker;
    const started = startThread({ config, names });
    started.on("message", (message: FromJobsThread) => {
      if (message.kind === "stopped") return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === "ran") waiting?.resolve(message.result);
      else waiting?.reject(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {}));
    });
    started.on("error", (error) => failAll(error));
    exited = new Promise((resolve) =>
      started.once("exit", (code) => {
        if (worker === started) worker = null;
        failAll(new Error(`the jobs thread ended (exit code ${code})`));
        resolve();
      }),
    );
    worker = started;
    return started;
  };

  const run =
    (name: ThreadJobName) =>
    (signal: AbortSignal): Promise<object | null> => {
      if (signal.aborted) return Promise.resolve(null);
      const target = thread();
      const id = next++;
      const abort = () => target.postMessage({ kind: "abort" } satisfies ToJobsThread);
      signal.addEventListener("abort", abort, { once: true });
      return new Promise<object | null>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ kind: "run", id, job: name } satisfies ToJobsThread);
      }).finally(() => signal.removeEventListener("abort", abort));
    };

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      if (!worker) return;
      worker.postMessage({ kind: "stop" } satisfies ToJobsThread);
      await exited;
    })();
    return stopped;
  };
  return names.map((name) => ({ name, everyMs, run: run(name), stop }));
}
