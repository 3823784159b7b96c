import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type CalendarSyncDeps, type Deps, runCalendarSyncTick } from "@kith/core";
import { type Config, openCalendarSync } from "@kith/runtime";
import type { Job } from "./job-runner.ts";

/** How often an idle instance looks for subscriptions due (hourly refreshes, retries, "Sync now" asked elsewhere). */
export const CALENDAR_POLL_MS = 15_000;

/**
 * Calendar subscriptions: a pass (`runCalendarSyncTick`) when one is added or "Sync now" is asked here (the runner's
 * kick) and every `everyMs`. Each calendar is claimed with a lease, so across instances one syncs it; a failed run is
 * retried with backoff (5, 20, 80 minutes … 6 hours) and its state says why in words.
 */
export function calendarSyncJob(deps: CalendarSyncDeps, opts: { everyMs?: number; owner?: string } = {}): Job {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    name: "calendars",
    everyMs: opts.everyMs ?? CALENDAR_POLL_MS,
    run: async (signal) => {
      const synced = await runCalendarSyncTick(deps, { owner, signal });
      return synced > 0 ? { synced } : null;
    },
  };
}

/** The server's job: subscriptions through the guarded fetcher and the sealer as this configuration opens them. */
export const openCalendarSyncJob = (config: Config, deps: Deps): Job => calendarSyncJob(openCalendarSync(config, deps));
