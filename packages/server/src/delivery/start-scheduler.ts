import type { Deps } from "@kith/core";
import type { Config } from "../config.ts";
import { openDelivery } from "./delivery-deps.ts";
import { type Scheduler, type SchedulerLog, startScheduler } from "./scheduler.ts";

/** Called by main (never by buildApp, so tests drive ticks themselves). Null when mail or the scheduler is off. */
export function startDigestScheduler(
  config: Config,
  deps: Deps,
  log: SchedulerLog & { warn(msg: string): void },
): Scheduler | null {
  if (!config.scheduler.enabled) return null;
  const { delivery } = openDelivery(config, deps);
  if (!delivery) {
    log.warn("digest emails are off: set SMTP_HOST (and SMTP_FROM) to send them");
    return null;
  }
  const scheduler = startScheduler(delivery, config.scheduler.tickSeconds * 1000, log);
  return {
    async stop() {
      await scheduler.stop();
      delivery.mailer.close();
    },
  };
}
