import { Worker } from "node:worker_threads";
import type { Config } from "@kith/runtime";
import type { Job } from "./job-runner.ts";

/** The jobs that may run in the jobs thread: the heavy ones, whose chunks would otherwise hold the request loop. */
export const THREAD_JOBS = ["imports", "restores"] as const;
export type ThreadJobName = (typeof THREAD_JOBS)[number];

/** How long the thread stays without a pass that found work before it ends (and frees its memory). */
export const JOBS_THREAD_IDLE_MS = 60_000;

export interface JobsThreadData {
  config: Config;
  names: readonly ThreadJobName[];
}

export type ToJobsThread = { kind: "run"; id: number; job: string } | { kind: "abort" } | { kind: "stop" };
export type FromJobsThread =
  | { kind: "ran"; id: number; result: object | null }
  | { kind: "failed"; id: number; message: string; stack?: string }
  | { kind: "stopped" };

/** What the runner needs of a thread (a `Worker`; tests pass a fake). */
export type JobsThreadHandle = Pick<Worker, "postMessage" | "on" | "once">;

export interface ThreadedJobsOptions {
  everyMs: number;
  /**
   * Whether a pass of this job would find work now (a claimable row in its ledger), asked on this thread's own
   * connection while no jobs thread runs: the thread is started only when there is work for it.
   */
  hasWork(name: ThreadJobName): Promise<boolean>;
  /** Default JOBS_THREAD_IDLE_MS. */
  idleMs?: number;
  /** Tests: a fake thread and clock. */
  startThread?: (data: JobsThreadData) => JobsThreadHandle;
  nowMs?: () => number;
}

/**
 * Starts the thread: `jobs-thread.mjs` beside the bundle (`scripts/build-server.mjs` builds both); from the
 * TypeScript sources (tsx, whose loader a worker thread does not inherit) a two-line bootstrap registers tsx in the
 * thread first, then loads `jobs-thread.ts`.
 */
function startWorker(workerData: JobsThreadData): JobsThreadHandle {
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

/** One started thread: its passes in hand, when it last had work, and its end. */
interface Thread {
  handle: JobsThreadHandle;
  pending: Map<number, Pending>;
  lastWorkMs: number;
  exited: Promise<void>;
}

/**
 * Heavy jobs (imports, restores) whose passes run in one worker thread with its own database connection
 * (`jobs-thread.ts`), as `Job`s for the process's one runner: the runner keeps their schedule, kicks and "one pass
 * at a time", the thread runs each pass and answers with its result. On SQLite every statement of a chunk, and its
 * commit, then holds the thread's loop instead of the one that answers requests (WAL: readers there never wait;
 * a writer waits for the chunk's commit at most, through the busy timeout). Leases are as before: the thread's
 * jobs claim them in the database like any instance's.
 *
 * The thread (its own module graph and connection: ~80 MB of RSS) runs only while there is work: a pass with no
 * thread asks `hasWork` on this thread's connection (one indexed read) and starts the thread only when a row is
 * claimable — at start (work left by a stopped instance), after a kick (an import queued here) or at a poll (queued
 * elsewhere, or a lease lapsed). Once no pass has found work for `idleMs` and none is in hand, the next pass stops
 * the thread (it closes its database and ends); work that comes later starts another. A thread that dies fails the
 * passes in hand (the runner logs them) and the next pass starts another if there is work. Stopping aborts the
 * passes (each ends after its chunk and gives its lease back), then every thread closes its database and ends.
 */
export function threadedJobs(config: Config, names: readonly ThreadJobName[], options: ThreadedJobsOptions): Job[] {
  const idleMs = options.idleMs ?? JOBS_THREAD_IDLE_MS;
  const nowMs = options.nowMs ?? (() => performance.now());
  const start = options.startThread ?? startWorker;
  let current: Thread | null = null;
  const alive = new Set<Thread>();
  let next = 0;

  const failAll = (thread: Thread, error: Error) => {
    for (const waiting of thread.pending.values()) waiting.reject(error);
    thread.pending.clear();
  };
  const launch = (): Thread => {
    const handle = start({ config, names });
    const thread: Thread = { handle, pending: new Map(), lastWorkMs: nowMs(), exited: Promise.resolve() };
    handle.on("message", (message: FromJobsThread) => {
      if (message.kind === "stopped") return;
      const waiting = thread.pending.get(message.id);
      thread.pending.delete(message.id);
      if (message.kind === "ran") waiting?.resolve(message.result);
      else waiting?.reject(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {}));
    });
    handle.on("error", (error: Error) => failAll(thread, error));
    thread.exited = new Promise((resolve) =>
      handle.once("exit", (code: number) => {
        if (current === thread) current = null;
        alive.delete(thread);
        failAll(thread, new Error(`the jobs thread ended (exit code ${code})`));
        resolve();
      }),
    );
    alive.add(thread);
    return thread;
  };
  /** Asks a thread to end after its passes; it is no longer given any. */
  const retire = (thread: Thread) => {
    if (current === thread) current = null;
    thread.handle.postMessage({ kind: "stop" } satisfies ToJobsThread);
  };
  /** The thread to run a pass on: the current one unless it has idled out; a new one only when there is work. */
  const threadFor = async (name: ThreadJobName): Promise<Thread | null> => {
    if (current && current.pending.size === 0 && nowMs() - current.lastWorkMs >= idleMs) retire(current);
    if (current) return current;
    if (!(await options.hasWork(name))) return null;
    current ??= launch();
    return current;
  };

  const run =
    (name: ThreadJobName) =>
    async (signal: AbortSignal): Promise<object | null> => {
      if (signal.aborted) return null;
      const thread = await threadFor(name);
      if (!thread || signal.aborted) return null;
      const id = next++;
      const abort = () => thread.handle.postMessage({ kind: "abort" } satisfies ToJobsThread);
      signal.addEventListener("abort", abort, { once: true });
      try {
        const result = await new Promise<object | null>((resolve, reject) => {
          thread.pending.set(id, { resolve, reject });
          thread.handle.postMessage({ kind: "run", id, job: name } satisfies ToJobsThread);
        });
        if (result) thread.lastWorkMs = nowMs();
        return result;
      } finally {
        signal.removeEventListener("abort", abort);
      }
    };

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      const threads = [...alive];
      for (const thread of threads) retire(thread);
      await Promise.all(threads.map((thread) => thread.exited));
    })();
    return stopped;
  };
  return names.map((name) => ({ name, everyMs: options.everyMs, run: run(name), stop }));
}
