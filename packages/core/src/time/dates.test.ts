import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  daysInMonth,
  formatOn,
  fromDayNumber,
  isLeapYear,
  isValidOn,
  parseOn,
  toDayNumber,
  weekdayOf,
  weekStartOn,
  yearlyDateOn,
} from "./dates.ts";

describe("leap years", () => {
  it("follows the Gregorian rule", () => {
    expect([2024, 2028, 2000, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2025, 2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false, false]);
  });

  it("gives February 29 days only in leap years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it("places Feb 29 on Feb 28 in non-leap years", () => {
    expect(yearlyDateOn(2028, 2, 29)).toBe("2028-02-29");
    expect(yearlyDateOn(2027, 2, 29)).toBe("2027-02-28");
    expect(yearlyDateOn(2027, 3, 1)).toBe("2027-03-01");
  });
});

describe("calendar dates", () => {
  it("rejects strings that are not real dates", () => {
    expect(isValidOn("2026-02-29")).toBe(false);
    expect(isValidOn("2026-13-01")).toBe(false);
    expect(isValidOn("2026-1-01")).toBe(false);
    expect(isValidOn("2024-02-29")).toBe(true);
    expect(() => parseOn("2026-02-30")).toThrow(/not a calendar date/);
    expect(() => formatOn({ year: 2026, month: 4, day: 31 })).toThrow(/not a calendar date/);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(() => addDays("2026-01-01", 1.5)).toThrow(/integer/);
  });

  it("counts days between dates, signed", () => {
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2026-03-08", "2026-03-09")).toBe(1); // a DST day is still one calendar day
    expect(daysBetween("2026-11-24", "2026-11-16")).toBe(-8);
  });

  it("round-trips day numbers and keeps addDays and daysBetween consistent", () => {
    const anyOn = fc.integer({ min: -100_000, max: 2_000_000 }).map(fromDayNumber);
    fc.assert(
      fc.property(anyOn, fc.integer({ min: -5000, max: 5000 }), (on, n) => {
        expect(fromDayNumber(toDayNumber(on))).toBe(on);
        expect(daysBetween(on, addDays(on, n))).toBe(n);
      }),
    );
  });
});

describe("weeks", () => {
  it("knows the weekday", () => {
    expect(weekdayOf("2026-11-24")).toBe(2); // Tuesday
    expect(weekdayOf("1970-01-01")).toBe(4);
    expect(weekdayOf("1969-12-28")).toBe(0);
  });

  it("starts weeks on Monday by default", () => {
    expect(weekStartOn("2026-11-24")).toBe("2026-11-23");
    expect(weekStartOn("2026-11-23")).toBe("2026-11-23");
    expect(weekStartOn("2026-11-29")).toBe("2026-11-23"); // Sunday still belongs to Monday's week
    expect(weekStartOn("2026-11-30")).toBe("2026-11-30");
  });

  it("starts weeks on Sunday or Saturday when asked, across year ends", () => {
    expect(weekStartOn("2026-11-29", 0)).toBe("2026-11-29");
    expect(weekStartOn("2026-11-28", 0)).toBe("2026-11-22");
    expect(weekStartOn("2027-01-01", 1)).toBe("2026-12-28");
    expect(weekStartOn("2027-01-01", 6)).toBe("2026-12-26");
    expect(() => weekStartOn("2027-01-01", 7 as 0)).toThrow(/weekStartsOn/);
  });

  it("always returns the right weekday within the 7 days up to the date", () => {
    const anyOn = fc.integer({ min: 0, max: 60_000 }).map(fromDayNumber);
    const anyStart = fc.constantFrom(0, 1, 2, 3, 4, 5, 6) as fc.Arbitrary<0 | 1 | 2 | 3 | 4 | 5 | 6>;
    fc.assert(
      fc.property(anyOn, anyStart, (on, start) => {
        const startOn = weekStartOn(on, start);
        expect(weekdayOf(startOn)).toBe(start);
        expect(daysBetween(startOn, on)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(startOn, on)).toBeLessThan(7);
      }),
    );
  });
});
