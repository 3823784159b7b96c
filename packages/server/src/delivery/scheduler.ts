export interface Scheduler {
  /** Stops ticking and waits for the ticks in progress to finish. */
  stop(): Promise<void>;
}

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * One recurring job of the in-process scheduler. `run` must be safe on every instance at once and as often as
 * wanted (a ledger in the database decides who acts); it returns counts to log, or null when there was nothing to
 * report.
 */
export interface SchedulerJob {
  name: string;
  run(): Promise<object | null>;
}

/**
 * The in-process scheduler: every job ticks every `tickMs`, never two ticks of one job at once in one process.
 * Every instance runs one; the jobs' ledgers make each effect happen once whatever the number of instances.
 */
export function startScheduler(jobs: SchedulerJob[], tickMs: number, log: SchedulerLog): Scheduler {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = () => {
    for (const job of jobs) {
      if (running.has(job.name) || stopped) continue;
      const run = job
        .run()
        .then((result) => {
          if (result) log.info({ [job.name]: result }, `${job.name} tick`);
        })
        .catch((error: unknown) => log.error({ err: error }, `${job.name} tick failed`))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
  };
  const timer = setInterval(tick, tickMs);
  // The first tick right away, so a restarted instance catches up without waiting a whole interval.
  setImmediate(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
