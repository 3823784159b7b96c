// The habit: a weekly goal (default one follow-up a week), this week's count and the streak of weeks met.

import { addDays, isValidOn, toDayNumber, type Weekday, weekStartOn } from "../time/dates.ts";
import { EngineInputError, requireInteger } from "./errors.ts";

export interface HabitInput {
  /** Local dates of completed follow-ups and outbound touches; one entry per act (duplicates count). */
  doneOns: readonly string[];
  todayOn: string;
  weeklyGoal?: number;
  weekStartsOn?: Weekday;
}

export interface HabitState {
  weekStartOn: string;
  weekEndOn: string;
  weekCount: number;
  weeklyGoal: number;
  met: boolean;
  remaining: number;
  /**
   * Consecutive weeks met, ending with this week once it is met, or with last week while this week is still open:
   * an unmet current week does not break the streak until it is over.
   */
  streak: number;
}

/** The same state from counts per week: `weekCounts[0]` is this week, `[1]` last week, and so on back. */
export interface HabitWeeksInput {
  weekCounts: readonly number[];
  todayOn: string;
  weeklyGoal?: number;
  weekStartsOn?: Weekday;
}

function checked(input: { todayOn: string; weeklyGoal?: number; weekStartsOn?: Weekday }) {
  const weeklyGoal = requireInteger("weeklyGoal", input.weeklyGoal ?? 1, 1, 100);
  const weekStartsOn = requireInteger("weekStartsOn", input.weekStartsOn ?? 1, 0, 6) as Weekday;
  if (!isValidOn(input.todayOn)) throw new EngineInputError("todayOn", `must be a date "YYYY-MM-DD"`);
  return { weeklyGoal, weekStartsOn, thisWeekOn: weekStartOn(input.todayOn, weekStartsOn) };
}

/**
 * The habit from per-week counts (what the store counts): no work per act, so a week with thousands of logged
 * touches costs the same as one with a single touch.
 */
export function habitFromWeekCounts(input: HabitWeeksInput): HabitState {
  const { weeklyGoal, thisWeekOn } = checked(input);
  input.weekCounts.forEach((count, week) => {
    requireInteger(`weekCounts[${week}]`, count, 0, Number.MAX_SAFE_INTEGER);
  });
  const weekCount = input.weekCounts[0] ?? 0;
  const met = weekCount >= weeklyGoal;
  let streak = met ? 1 : 0;
  for (let week = 1; (input.weekCounts[week] ?? 0) >= weeklyGoal; week += 1) streak += 1;
  return {
    weekStartOn: thisWeekOn,
    weekEndOn: addDays(thisWeekOn, 6),
    weekCount,
    weeklyGoal,
    met,
    remaining: Math.max(0, weeklyGoal - weekCount),
    streak,
  };
}

/** The habit from the local dates of each act (one entry per act; future-dated ones do not count yet). */
export function habitState(input: HabitInput): HabitState {
  const { weekStartsOn, thisWeekOn } = checked(input);
  const weekCounts: number[] = [];
  for (const on of input.doneOns) {
    if (!isValidOn(on))
      throw new EngineInputError("doneOns", `must hold dates "YYYY-MM-DD", got ${JSON.stringify(on)}`);
    if (on > input.todayOn) continue; // a future-dated entry cannot count yet
    const week = Math.round((toDayNumber(thisWeekOn) - toDayNumber(weekStartOn(on, weekStartsOn))) / 7);
    weekCounts[week] = (weekCounts[week] ?? 0) + 1;
  }
  return habitFromWeekCounts({ ...input, weekCounts: Array.from(weekCounts, (n) => n ?? 0) });
}
