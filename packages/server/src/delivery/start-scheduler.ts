import { type Deps, runDigestTick } from "@kith/core";
import type { Config } from "../config.ts";
import { openDelivery } from "./delivery-deps.ts";
import { type Scheduler, type SchedulerJob, type SchedulerLog, startScheduler } from "./scheduler.ts";

/**
 * Called by main (never by buildApp, so tests drive ticks themselves). Gathers the jobs this configuration enables
 * (the digest email needs SMTP); null when the scheduler is off or no job is enabled.
 */
export function startBackgroundJobs(
  config: Config,
  deps: Deps,
  log: SchedulerLog & { warn(msg: string): void },
): Scheduler | null {
  if (!config.scheduler.enabled) return null;
  const { delivery } = openDelivery(config, deps);
  const jobs: SchedulerJob[] = [];
  const closers: (() => void)[] = [];
  if (delivery) {
    jobs.push({
      name: "digest",
      run: async () => {
        const result = await runDigestTick(delivery);
        return result.due > result.busy ? result : null;
      },
    });
    closers.push(() => delivery.mailer.close());
  } else {
    log.warn("digest emails are off: set SMTP_HOST (and SMTP_FROM) to send them");
  }
  if (jobs.length === 0) return null;
  const scheduler = startScheduler(jobs, config.scheduler.tickSeconds * 1000, log);
  return {
    async stop() {
      await scheduler.stop();
      for (const close of closers) close();
    },
  };
}
