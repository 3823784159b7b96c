import { describe, expect, it } from "vitest";
import { habitFromWeekCounts, habitState } from "./habit.ts";

describe("habitState", () => {
  it("counts this week (Monday start by default) and whether the goal is met", () => {
    const state = habitState({ doneOns: ["2026-11-22", "2026-11-23", "2026-11-24"], todayOn: "2026-11-25" });
    expect(state).toMatchObject({
      weekStartOn: "2026-11-23",
      weekEndOn: "2026-11-29",
      weekCount: 2,
      met: true,
      remaining: 0,
    });
  });

  it("counts the current week towards the streak only once met", () => {
    const doneOns = ["2026-11-03", "2026-11-10", "2026-11-17"];
    expect(habitState({ doneOns, todayOn: "2026-11-24" })).toMatchObject({ met: false, streak: 3, remaining: 1 });
    expect(habitState({ doneOns: [...doneOns, "2026-11-24"], todayOn: "2026-11-24" })).toMatchObject({
      met: true,
      streak: 4,
    });
  });

  it("breaks the streak at a missed week", () => {
    const doneOns = ["2026-10-27", "2026-11-10", "2026-11-17"]; // the week of Nov 2 was missed
    expect(habitState({ doneOns, todayOn: "2026-11-24" }).streak).toBe(2);
    expect(habitState({ doneOns, todayOn: "2026-12-01" }).streak).toBe(0); // last week (Nov 23) was missed
  });

  it("uses the week start and goal given, across a year end", () => {
    const doneOns = ["2026-12-27", "2026-12-29", "2027-01-03", "2027-01-04"];
    // Sunday weeks: Dec 27–Jan 2 has 2, Jan 3–9 has 2.
    expect(habitState({ doneOns, todayOn: "2027-01-05", weeklyGoal: 2, weekStartsOn: 0 })).toMatchObject({
      weekStartOn: "2027-01-03",
      weekCount: 2,
      met: true,
      streak: 2,
    });
  });

  it("ignores future dates and rejects bad input", () => {
    expect(habitState({ doneOns: ["2026-11-28"], todayOn: "2026-11-24" }).weekCount).toBe(0);
    expect(() => habitState({ doneOns: [], todayOn: "2026-11-24", weeklyGoal: 0 })).toThrow(/weeklyGoal/);
    expect(() => habitState({ doneOns: ["yesterday"], todayOn: "2026-11-24" })).toThrow(/doneOns/);
  });
});

describe("habitFromWeekCounts", () => {
  it("agrees with the per-act form and costs nothing per act", () => {
    const doneOns = ["2026-11-10", "2026-11-17", "2026-11-18", "2026-11-24", "2026-11-03"];
    const byActs = habitState({ doneOns, todayOn: "2026-11-25", weeklyGoal: 1 });
    const byWeeks = habitFromWeekCounts({ weekCounts: [1, 2, 1, 1], todayOn: "2026-11-25", weeklyGoal: 1 });
    expect(byWeeks).toEqual(byActs);
    expect(byWeeks).toMatchObject({ weekCount: 1, met: true, streak: 4 });
    const busy = habitFromWeekCounts({ weekCounts: [5000, 0, 3], todayOn: "2026-11-25", weeklyGoal: 2 });
    expect(busy).toMatchObject({ weekCount: 5000, met: true, remaining: 0, streak: 1 });
  });

  it("refuses a negative or fractional count", () => {
    expect(() => habitFromWeekCounts({ weekCounts: [1, -1], todayOn: "2026-11-25" })).toThrow(/weekCounts\[1\]/);
    expect(() => habitFromWeekCounts({ weekCounts: [0.5], todayOn: "2026-11-25" })).toThrow(/weekCounts\[0\]/);
  });
});
