import { describe, expect, it } from "vitest";
import { addDays, startOfLocalDayAt } from "../time/index.ts";
import { habitWeekPeriods } from "./habit-weeks.ts";

describe("habitWeekPeriods", () => {
  it("is this week first, then each week back, as local day starts in the zone", () => {
    const periods = habitWeekPeriods("2026-11-23", "America/New_York", 104);
    expect(periods).toHaveLength(105);
    expect(periods[0]).toEqual({
      fromAt: startOfLocalDayAt("2026-11-23", "America/New_York"),
      toAt: startOfLocalDayAt("2026-11-30", "America/New_York"),
    });
    // Across the DST change (2026-11-01 in New York) a week is 7 local days, not 168 hours.
    expect(periods[4]).toEqual({
      fromAt: startOfLocalDayAt("2026-10-26", "America/New_York"),
      toAt: startOfLocalDayAt("2026-11-02", "America/New_York"),
    });
    expect(periods[104]?.fromAt).toBe(startOfLocalDayAt(addDays("2026-11-23", -728), "America/New_York"));
  });

  it("is computed once per zone and week, and cannot be changed by a caller", () => {
    const first = habitWeekPeriods("2026-11-23", "Europe/Berlin", 104);
    expect(habitWeekPeriods("2026-11-23", "Europe/Berlin", 104)).toBe(first);
    expect(habitWeekPeriods("2026-11-23", "Asia/Tokyo", 104)).not.toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
  });
});
