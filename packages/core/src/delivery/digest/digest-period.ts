import { instantToEpochMs, localDateOf, localTimeToInstant, type Weekday, weekStartOn } from "../../time/index.ts";
import type { NotifySettings } from "../schemas.ts";

/**
 * The period whose digest is due at `nowAt`, or null when none is: the account's local date (daily) or the start
 * of its local week (weekly), once the wall clock there has reached the digest hour. Pure: the scheduler asks it on
 * every tick, and the ledger makes the answer act once.
 */
export function digestPeriodAt(
  nowAt: string,
  timeZone: string,
  weekStartsOn: Weekday,
  settings: NotifySettings,
): string | null {
  if (settings.digest === "off") return null;
  const todayOn = localDateOf(nowAt, timeZone);
  const periodOn = settings.digest === "daily" ? todayOn : weekStartOn(todayOn, weekStartsOn);
  const hour = `${String(settings.hour).padStart(2, "0")}:00`;
  const sendAt = localTimeToInstant(periodOn, hour, timeZone);
  return instantToEpochMs(nowAt) >= instantToEpochMs(sendAt) ? periodOn : null;
}

const MINUTE_MS = 60_000;
/** Six attempts over about an hour: 1, 2, 4, 8, 16 minutes apart; then the delivery is marked failed. */
export const MAX_ATTEMPTS = 6;

/** When to try again after `attempts` failed attempts, or null to give up. */
export function nextAttemptAt(nowAt: string, attempts: number): string | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(instantToEpochMs(nowAt) + MINUTE_MS * 2 ** (attempts - 1)).toISOString();
}
