import { loadEngineContext } from "../due-state/engine-context.ts";
import type { SecretSealer } from "../messages/send/send-ports.ts";
import type { Deps } from "../ports/index.ts";
import { DomainError } from "../shared/errors.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import { applyCalendar, CALENDAR_LEASE_MS } from "./apply-calendar.ts";
import { ADDRESS_KEY_CHANGED, calendarSealContext } from "./calendar-address.ts";
import type { CalendarFetcher, CalendarRecord } from "./calendar-sync-port.ts";
import { readCalendarInTurns } from "./read-calendar.ts";
import type { CalendarSyncResult } from "./schemas.ts";

/** A subscription is fetched again this long after a successful run. */
export const CALENDAR_REFRESH_MS = 60 * 60_000;
/** Waits after failed runs in a row: 5, 20, 80 minutes … at most 6 hours, for as long as it keeps failing. */
export const calendarRetryDelayMs = (failures: number) => Math.min(5 * 60_000 * 4 ** (failures - 1), 6 * 60 * 60_000);

type SyncDeps = Deps & { calendarFetcher: CalendarFetcher; sealer: SecretSealer };

const later = (deps: Deps, ms: number) => new Date(deps.clock.now().getTime() + ms).toISOString();

/**
 * One run of a claimed subscription: fetched through the guarded fetcher, read, and applied as the whole calendar
 * (what it no longer holds is removed). A network error, a time-out or a 5xx is retried with backoff (`failing`);
 * a refusal, a 4xx or a body that is not iCalendar will not pass by waiting (`failed`: "Sync now" tries again).
 * The reason is stored in words either way; nothing is thrown to the job.
 */
export async function syncSubscription(
  deps: SyncDeps,
  accountId: string,
  calendar: CalendarRecord,
  owner: string,
): Promise<CalendarSyncResult | null> {
  const failWith = async (error: string, retryable: boolean) => {
    const failures = calendar.failures + 1;
    await deps.store.calendars.fail(accountId, calendar.id, owner, {
      nowAt: deps.clock.now().toISOString(),
      error,
      state: retryable ? "failing" : "failed",
      nextRunAt: retryable ? later(deps, calendarRetryDelayMs(failures)) : null,
      claimedAt: calendar.nextRunAt, // the claim set it to its own instant
    });
    return null;
  };
  let url: string;
  try {
    url = deps.sealer.open(calendar.sealedUrl ?? "", calendarSealContext(accountId, calendar.id));
  } catch {
    return failWith(ADDRESS_KEY_CHANGED, false);
  }
  const fetched = await deps.calendarFetcher.fetchCalendar(url);
  if (!fetched.ok) return failWith(`The calendar could not be fetched: ${fetched.reason}`, fetched.retryable);
  try {
    const zone = (await loadEngineContext(deps.store, accountId, deps.clock.now())).settings.engine.timeZone;
    const reading = await readCalendarInTurns(fetched.text, deps.clock.now(), zone, () => yieldToLoop());
    const userId = calendar.createdBy;
    const result = await applyCalendar(deps, { accountId, calendar, owner, userId }, reading, { complete: true });
    await deps.store.calendars.finish(accountId, calendar.id, owner, {
      nowAt: deps.clock.now().toISOString(),
      events: result.events,
      upcoming: result.upcoming,
      nextRunAt: later(deps, CALENDAR_REFRESH_MS),
      claimedAt: calendar.nextRunAt,
    });
    return result;
  } catch (error) {
    if (error instanceof DomainError && error.code === "validation") {
      return failWith("The address answered with something that is not an iCalendar (.ics) feed", false);
    }
    const message = error instanceof Error ? error.message : String(error);
    return failWith(`The sync stopped: ${message}`, true);
  }
}

export interface CalendarTickOptions {
  /** This instance's lease name. */
  owner: string;
  signal?: AbortSignal;
  /** Subscriptions synced at most in one pass (default 5). */
  maxCalendars?: number;
}

/**
 * One pass of the `calendars` job: subscriptions whose run is due are claimed with a lease (one instance syncs a
 * calendar at a time; a crashed instance's lease lapses and another takes over), fetched and applied. Safe on every
 * instance at once and twice in a row: the ledger makes a second run of the same feed change nothing.
 */
export async function runCalendarSyncTick(deps: SyncDeps, opts: CalendarTickOptions): Promise<number> {
  let synced = 0;
  for (let i = 0; i < (opts.maxCalendars ?? 5) && !opts.signal?.aborted; i += 1) {
    const nowAt = deps.clock.now();
    const [next] = await deps.store.calendars.claimable(nowAt.toISOString(), 1);
    if (!next) break;
    const untilAt = new Date(nowAt.getTime() + CALENDAR_LEASE_MS).toISOString();
    const calendar = await deps.store.calendars.claim(
      next.accountId,
      next.id,
      opts.owner,
      untilAt,
      nowAt.toISOString(),
    );
    if (!calendar) continue;
    await syncSubscription(deps, next.accountId, calendar, opts.owner);
    synced += 1;
  }
  return synced;
}
