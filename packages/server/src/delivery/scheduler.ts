import { type DeliveryDeps, runDigestTick, type TickResult } from "@kith/core";

export interface Scheduler {
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The in-process scheduler: a digest tick every `tickMs`, never two at once in one process. Every instance runs
 * one; the ledger in the database makes each (account, period) go out once whatever the number of instances.
 */
export function startScheduler(deps: DeliveryDeps, tickMs: number, log: SchedulerLog): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDigestTick(deps)
      .then((result: TickResult) => {
        if (result.due > result.busy) log.info({ digest: result }, "digest tick");
      })
      .catch((error: unknown) => log.error({ err: error }, "digest tick failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, tickMs);
  // The first tick right away, so a restarted instance catches up without waiting a whole interval.
  setImmediate(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
