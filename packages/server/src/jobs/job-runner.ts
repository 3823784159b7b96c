export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * One background job. `run` is one pass: it must be safe on every instance at once and as often as wanted (a
 * ledger or a lease in the database decides who acts), and should stop between units of work once `signal` is
 * aborted (the runner is stopping). It returns counts worth a log line, or null when there was nothing to report.
 */
export interface Job {
  name: string;
  /** Time between passes; a pass also runs at start and whenever the job is kicked. */
  everyMs: number;
  run(signal: AbortSignal): Promise<object | null>;
  /** What the job holds between passes (connections, leases), let go once its last pass has ended. */
  stop?(): Promise<void>;
}

export interface JobRunner {
  /** The jobs it runs, by name. */
  readonly names: readonly string[];
  /** Starts every job: a first pass right away (a restarted instance catches up), then one every `everyMs`. */
  start(): void;
  /**
   * Something arrived for this job here (an import was queued): a pass now rather than at the next interval, or
   * right after the pass in progress. Nothing before `start` (or after `stop`), nor for a job this runner lacks:
   * the instance that runs the jobs finds the work at its next pass.
   */
  kick(name: string): void;
  /** Stops the timers, aborts the passes' signal and waits for the passes in progress to finish. */
  stop(): Promise<void>;
}

/**
 * The one lifecycle of every background job of a server process. Never two passes of one job at once in one
 * process: an interval that comes while a pass runs is skipped, a kick runs the job again once it ends. Timers do
 * not keep a process alive by themselves.
 */
export function createJobRunner(jobs: readonly Job[], log: JobLog): JobRunner {
  const stopping = new AbortController();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const timers: NodeJS.Timeout[] = [];
  let started = false;

  const pass = (job: Job, queueIfBusy: boolean) => {
    if (!started || stopping.signal.aborted) return;
    if (running.has(job.name)) {
      if (queueIfBusy) again.add(job.name);
      return;
    }
    const run = Promise.resolve()
      .then(() => job.run(stopping.signal))
      .then((result) => {
        if (result) log.info({ [job.name]: result }, `${job.name} tick`);
      })
      .catch((error: unknown) => log.error({ err: error }, `${job.name} tick failed`))
      .finally(() => {
        running.delete(job.name);
        if (again.delete(job.name)) pass(job, false);
      });
    running.set(job.name, run);
  };

  return {
    names: jobs.map((job) => job.name),
    start() {
      if (started || stopping.signal.aborted) return;
      started = true;
      for (const job of jobs) {
        const timer = setInterval(() => pass(job, false), job.everyMs);
        timer.unref();
        timers.push(timer);
        setImmediate(() => pass(job, false));
      }
    },
    kick(name) {
      const job = jobs.find((j) => j.name === name);
      if (job) setImmediate(() => pass(job, true));
    },
    async stop() {
      stopping.abort();
      for (const timer of timers.splice(0)) clearInterval(timer);
      // A pass that ends now may start its queued rerun; the signal makes that one return at once.
      while (running.size > 0) await Promise.all(running.values());
      for (const job of jobs)
        await job.stop?.().catch((error: unknown) => log.error({ err: error }, `${job.name} stop`));
    },
  };
}
