import { describe, expect, it } from "vitest";
import { publicHolidays } from "./holidays.ts";
import { upcomingOccasions } from "./occasions.ts";

/** The n-th given weekday (0 = Sunday) of a month, computed with plain arithmetic rather than the library. */
function nthWeekdayOn(year: number, month: number, weekday: number, n: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - firstWeekday + 7) % 7) + 7 * (n - 1);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

describe("public holidays", () => {
  it("has US Thanksgiving on the 4th Thursday of November, 2024–2030", () => {
    for (const year of YEARS) {
      const thanksgiving = publicHolidays("US", year).filter((h) => h.name.includes("Thanksgiving"));
      expect(thanksgiving.map((h) => h.on)).toEqual([nthWeekdayOn(year, 11, 4, 4)]);
    }
    expect(nthWeekdayOn(2026, 11, 4, 4)).toBe("2026-11-26");
  });

  it("has Canadian Thanksgiving on the 2nd Monday of October, 2024–2030", () => {
    for (const year of YEARS) {
      const thanksgiving = publicHolidays("CA", year).filter((h) => h.name.includes("Thanksgiving"));
      expect(thanksgiving.map((h) => h.on)).toEqual([nthWeekdayOn(year, 10, 1, 2)]);
    }
    expect(nthWeekdayOn(2026, 10, 1, 2)).toBe("2026-10-12");
  });

  it("lists fixed-date public holidays of both countries every year, without substitute days", () => {
    for (const year of YEARS) {
      const us = publicHolidays("US", year).map((h) => h.on);
      const ca = publicHolidays("CA", year).map((h) => h.on);
      expect(us).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-07-04`, `${year}-12-25`]));
      expect(ca).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-07-01`, `${year}-12-25`]));
      expect(us).toContain(nthWeekdayOn(year, 9, 1, 1)); // Labor Day, 1st Monday of September
      expect(ca).toContain(nthWeekdayOn(year, 9, 1, 1)); // Labour Day
      expect(new Set(us).size).toBe(us.length);
      expect([...us].sort()).toEqual(us);
    }
    // 2026-07-04 is a Saturday: the observed Friday is a substitute, not the greeting day.
    expect(publicHolidays("US", 2026).map((h) => h.on)).not.toContain("2026-07-03");
  });

  it("leaves out observances and uses a region when given", () => {
    const us = publicHolidays("US", 2026).map((h) => h.name);
    expect(us).not.toContain("Halloween");
    expect(publicHolidays("CA", 2026, "ON").some((h) => h.on === "2026-10-12")).toBe(true);
    expect(() => publicHolidays("XX", 2026)).toThrow(/country/);
    expect(() => publicHolidays("CA", 2026, "ZZ")).toThrow(/region/);
  });
});

describe("upcomingOccasions", () => {
  const base = { defaultLeadDays: 3, holidays: null };

  it("shows a birthday from its lead days until its date, with the age when the year is known", () => {
    const input = { ...base, occasions: [{ kind: "birthday" as const, month: 11, day: 26, year: 1986 }] };
    expect(upcomingOccasions(input, "2026-11-22", 0)).toEqual([]);
    const visible = upcomingOccasions(input, "2026-11-23", 0);
    expect(visible).toEqual([
      {
        kind: "birthday",
        label: "birthday",
        occasionOn: "2026-11-26",
        visibleFromOn: "2026-11-23",
        leadDays: 3,
        daysUntil: 3,
        years: 40,
      },
    ]);
    expect(upcomingOccasions(input, "2026-11-26", 0)).toHaveLength(1);
    expect(upcomingOccasions(input, "2026-11-27", 0)).toEqual([]);
    expect(upcomingOccasions(input, "2026-11-27", 365)[0]?.occasionOn).toBe("2027-11-26");
  });

  it("puts a Feb 29 birthday on Feb 28 in non-leap years", () => {
    const input = { ...base, occasions: [{ kind: "birthday" as const, month: 2, day: 29 }] };
    expect(upcomingOccasions(input, "2027-02-01", 60).map((o) => o.occasionOn)).toEqual(["2027-02-28"]);
    expect(upcomingOccasions(input, "2028-02-01", 60).map((o) => o.occasionOn)).toEqual(["2028-02-29"]);
    expect(upcomingOccasions(input, "2027-02-28", 0).map((o) => o.years)).toEqual([null]);
  });

  it("handles anniversaries and custom dates, recurring or one-off", () => {
    const input = {
      ...base,
      occasions: [
        { kind: "anniversary" as const, label: "wedding anniversary", month: 12, day: 2, year: 2016, leadDays: 7 },
        { kind: "custom" as const, label: "contract renewal", month: 12, day: 1, year: 2026, recurring: false },
        { kind: "custom" as const, label: "name day", month: 12, day: 6 },
      ],
    };
    const list = upcomingOccasions(input, "2026-11-25", 15);
    expect(list.map((o) => [o.label, o.occasionOn, o.years])).toEqual([
      ["contract renewal", "2026-12-01", null],
      ["wedding anniversary", "2026-12-02", 10],
      ["name day", "2026-12-06", null],
    ]);
    expect(upcomingOccasions(input, "2026-11-25", 0).map((o) => o.label)).toEqual(["wedding anniversary"]);
    // The one-off date does not come back the following year.
    expect(upcomingOccasions(input, "2027-11-20", 20).map((o) => o.label)).toEqual(["wedding anniversary", "name day"]);
  });

  it("includes public holidays with their own lead days", () => {
    const input = { occasions: [], defaultLeadDays: 3, holidays: { country: "US", leadDays: 5 } };
    const list = upcomingOccasions(input, "2026-11-21", 0);
    expect(list).toEqual([
      expect.objectContaining({ kind: "holiday", occasionOn: "2026-11-26", visibleFromOn: "2026-11-21" }),
    ]);
    const ca = upcomingOccasions({ ...input, holidays: { country: "CA", leadDays: 2 } }, "2026-10-10", 0);
    expect(ca.map((o) => [o.label, o.occasionOn])).toEqual([["Thanksgiving", "2026-10-12"]]);
  });

  it("rejects bad input naming the field", () => {
    const bday = { kind: "birthday" as const, month: 2, day: 30 };
    expect(() => upcomingOccasions({ ...base, occasions: [bday] }, "2026-01-01", 0)).toThrow(/occasions\[0\]\.day/);
    expect(() =>
      upcomingOccasions({ ...base, occasions: [{ ...bday, day: 1, leadDays: -1 }] }, "2026-01-01", 0),
    ).toThrow(/leadDays/);
    expect(() => upcomingOccasions({ ...base, defaultLeadDays: -3, occasions: [] }, "2026-01-01", 0)).toThrow(
      /defaultLeadDays/,
    );
    const oneOff = { kind: "custom" as const, month: 5, day: 1, recurring: false };
    expect(() => upcomingOccasions({ ...base, occasions: [oneOff] }, "2026-01-01", 0)).toThrow(/year/);
    expect(() => upcomingOccasions({ ...base, occasions: [] }, "2026-01-01", -1)).toThrow(/horizonDays/);
  });
});
