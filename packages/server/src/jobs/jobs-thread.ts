import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Deps } from "@kith/core";
import { fileClock, randomIds, randomSecrets, systemClock } from "@kith/runtime";
import { createStore, openDatabase } from "@kith/store";
import { importJob } from "./import-job.ts";
import type { Job } from "./job-runner.ts";
import { restoreJob } from "./restore-job.ts";
import type { FromJobsThread, JobsThreadData, ToJobsThread } from "./threaded-jobs.ts";

/**
 * The jobs thread (a `node:worker_threads` Worker, see `threaded-jobs.ts`): the heavy jobs' passes run here, on
 * this thread's own database connection, so on SQLite (whose driver is synchronous) a chunk's statements and its
 * commit hold this thread's loop, never the one that answers requests. The database was migrated by the process
 * that started the thread. Each pass is asked for by the main thread's runner, which keeps the jobs' schedule.
 */
const { config, names } = workerData as JobsThreadData;

/** How much lower than the request loop this thread runs (a nice value, 0–19 more). */
const JOBS_THREAD_NICENESS = 10;

/**
 * Lowers this thread's CPU priority below the request loop's: on a busy machine (more runnable threads than cores)
 * the kernel then gives the loop that answers requests its turn first, and the heavy job the time left over. On
 * Linux a thread is its own scheduling entity, named by its id (`/proc/thread-self`); elsewhere, or if refused,
 * the thread keeps the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + JOBS_THREAD_NICENESS));
  } catch {
    // Not Linux, or not allowed: the same priority as the loop.
  }
}
lowerPriority();
const port = parentPort;
if (!port) throw new Error("jobs-thread.ts runs as a worker thread (threaded-jobs.ts starts it)");

const open = openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.dbPoolSize,
  synchronous: config.sqliteSynchronous,
  // Nothing else waits on this thread's loop: SQLite's own busy timeout may sleep it (the request loop's may not).
  busyWait: "blocking",
});
const deps: Deps = {
  store: createStore(open.db, open.dialect),
  clock: config.clockFile ? fileClock(config.clockFile) : systemClock,
  ids: randomIds,
  secrets: randomSecrets,
};
const jobs = new Map<string, Job>(names.map((name) => [name, jobOf(name, deps)]));
const stopping = new AbortController();
const running = new Set<Promise<void>>();

function jobOf(name: JobsThreadData["names"][number], deps: Deps): Job {
  return name === "imports" ? importJob(deps) : restoreJob(deps);
}

const answer = (message: FromJobsThread) => port.postMessage(message);

async function pass(id: number, name: string) {
  const job = jobs.get(name);
  if (!job) return answer({ kind: "failed", id, message: `the jobs thread has no job ${name}` });
  try {
    answer({ kind: "ran", id, result: await job.run(stopping.signal) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    answer({ kind: "failed", id, message, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) });
  }
}

/** Stops after the passes in hand (each ends after its chunk and gives its lease back), then closes the database. */
async function stop() {
  stopping.abort();
  while (running.size > 0) await Promise.all(running);
  for (const job of jobs.values()) await job.stop?.();
  await open.close();
  answer({ kind: "stopped" });
  port?.close();
}

port.on("message", (message: ToJobsThread) => {
  if (message.kind === "abort") stopping.abort();
  else if (message.kind === "stop") void stop();
  else {
    const run = pass(message.id, message.job).finally(() => running.delete(run));
    running.add(run);
  }
});
