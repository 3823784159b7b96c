import { describe, expect, it } from "vitest";
import { addDays } from "../time/index.ts";
import { DueSlots } from "./spread-first-due.ts";

/** The rule DueSlots keeps, walked day by day: the first day on or after `on` (and `firstOn`) under the cap. */
function naive(counts: Map<string, number>, cap: number, firstOn: string) {
  return (on: string) => {
    let day = on < firstOn ? firstOn : on;
    while ((counts.get(day) ?? 0) >= cap) day = addDays(day, 1);
    counts.set(day, (counts.get(day) ?? 0) + 1);
    return day;
  };
}

describe("DueSlots", () => {
  it("gives the first day with room from the later of the date and the first day, counting what is stored", () => {
    const slots = new DueSlots(new Map([["2026-12-08", 2]]), 2, "2026-12-07");
    expect(["2026-12-01", "2026-12-01", "2026-12-07", "2026-12-08", "2026-12-20"].map((on) => slots.take(on))).toEqual([
      "2026-12-07",
      "2026-12-07",
      "2026-12-09",
      "2026-12-09",
      "2026-12-20",
    ]);
  });

  it("answers as the day-by-day walk for any sequence of dates, stored counts and cap", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const cap = 1 + Math.floor(rand() * 4);
      const stored = new Map<string, number>();
      for (let i = 0; i < 20; i++) stored.set(addDays("2026-12-01", Math.floor(rand() * 40)), Math.floor(rand() * 5));
      const fast = new DueSlots(new Map(stored), cap, "2026-12-03");
      const slow = naive(new Map(stored), cap, "2026-12-03");
      for (let i = 0; i < 300; i++) {
        const on = addDays("2026-11-25", Math.floor(rand() * 60));
        expect(fast.take(on)).toBe(slow(on));
      }
    }
  });

  it("takes a backlog of 20,000 contacts at a cap of 5 without walking every full day again", () => {
    const slots = new DueSlots(new Map(), 5, "2026-12-07");
    let last = "";
    for (let i = 0; i < 20_000; i++) last = slots.take("2026-12-01");
    expect(last).toBe(addDays("2026-12-07", 3999));
  });
});
