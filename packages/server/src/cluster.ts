import cluster, { type Worker } from "node:cluster";
import { type Config, openRuntime } from "@kith/runtime";

/** The worker that runs the background jobs (digest, retries, replies, imports); the others only serve. */
export const JOBS_WORKER = "0";

/** Set on each worker: its slot, kept when a crashed worker is replaced. */
export const WORKER_SLOT_ENV = "KITH_WORKER_SLOT";

const RESTART_DELAY_MS = 1000;

/**
 * `KITH_WORKERS` > 1: this process migrates the database once, then forks the workers, which share the port (the
 * operating system spreads connections). SQLite in WAL mode serves readers in every process at once and takes
 * writers in turn (busy timeout); PostgreSQL is shared anyway. A worker that dies is replaced in its slot; SIGTERM
 * and SIGINT stop them all.
 */
export async function runPrimary(config: Config): Promise<void> {
  const { open } = await openRuntime(config);
  await open.close();
  const slots = new Map<Worker, string>();
  let stopping = false;
  const fork = (slot: string) => {
    const worker = cluster.fork({ [WORKER_SLOT_ENV]: slot });
    slots.set(worker, slot);
  };
  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    if (stopping || slot === undefined) {
      if (slots.size === 0) process.exit(0);
      return;
    }
    console.error(`kith: worker ${slot} ended (${signal ?? code}); starting another`);
    setTimeout(() => fork(slot), RESTART_DELAY_MS);
  });
  const stop = () => {
    stopping = true;
    if (slots.size === 0) process.exit(0);
    for (const worker of slots.keys()) worker.process.kill("SIGTERM");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for (let i = 0; i < config.workers; i += 1) fork(String(i));
}

/** Whether this process runs the background jobs: a single process does, and one worker of a cluster. */
export function runsBackgroundJobs(): boolean {
  return cluster.isPrimary || process.env[WORKER_SLOT_ENV] === JOBS_WORKER;
}
