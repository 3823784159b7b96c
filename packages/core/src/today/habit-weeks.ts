import { addDays, startOfLocalDayAt } from "../time/index.ts";

export interface WeekPeriod {
  /** The week's first instant in the account's time zone (inclusive). */
  readonly fromAt: string;
  /** The next week's first instant (exclusive). */
  readonly toAt: string;
}

/** One entry per account time zone and week: a few hundred at most in a busy process; cleared when full. */
const kept = new Map<string, readonly WeekPeriod[]>();
const KEPT = 1_000;

/**
 * The habit's weeks as instant ranges, this week (starting `thisWeekOn`) first, then `pastWeeks` weeks back, in
 * `timeZone`. The same for every today list of the week, so it is computed once per zone and week (each list asked
 * for 105 weeks: 315 date additions and 210 local day starts) and kept, frozen.
 */
export function habitWeekPeriods(thisWeekOn: string, timeZone: string, pastWeeks: number): readonly WeekPeriod[] {
  const key = `${timeZone}|${thisWeekOn}|${pastWeeks}`;
  const known = kept.get(key);
  if (known) return known;
  const periods = Object.freeze(
    Array.from({ length: pastWeeks + 1 }, (_, week) => {
      const startOn = addDays(thisWeekOn, -7 * week);
      return Object.freeze({
        fromAt: startOfLocalDayAt(startOn, timeZone),
        toAt: startOfLocalDayAt(addDays(startOn, 7), timeZone),
      });
    }),
  );
  if (kept.size >= KEPT) kept.clear();
  kept.set(key, periods);
  return periods;
}
