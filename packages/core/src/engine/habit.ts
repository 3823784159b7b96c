// The habit: a weekly goal (default one follow-up a week), this week's count and the streak of weeks met.

import { addDays, isValidOn, type Weekday, weekStartOn } from "../time/dates.ts";
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

export function habitState(input: HabitInput): HabitState {
  const weeklyGoal = requireInteger("weeklyGoal", input.weeklyGoal ?? 1, 1, 100);
  const weekStartsOn = requireInteger("weekStartsOn", input.weekStartsOn ?? 1, 0, 6) as Weekday;
  if (!isValidOn(input.todayOn)) throw new EngineInputError("todayOn", `must be a date "YYYY-MM-DD"`);
  const counts = new Map<string, number>();
  for (const on of input.doneOns) {
    if (!isValidOn(on))
      throw new EngineInputError("doneOns", `must hold dates "YYYY-MM-DD", got ${JSON.stringify(on)}`);
    if (on > input.todayOn) continue; // a future-dated entry cannot count yet
    const week = weekStartOn(on, weekStartsOn);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const thisWeekOn = weekStartOn(input.todayOn, weekStartsOn);
  const weekCount = counts.get(thisWeekOn) ?? 0;
  const met = weekCount >= weeklyGoal;
  let streak = met ? 1 : 0;
  for (let week = addDays(thisWeekOn, -7); (counts.get(week) ?? 0) >= weeklyGoal; week = addDays(week, -7)) streak += 1;
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
