import { describe, expect, it } from "vitest";
import { addDaysOn, initials, plural, relativeDays, toDateOn } from "./format.ts";

describe("format", () => {
  const now = new Date(2026, 10, 2, 15, 0);
  it("says relative days in words", () => {
    expect(relativeDays("2026-11-02", now)).toBe("today");
    expect(relativeDays("2026-11-01", now)).toBe("yesterday");
    expect(relativeDays("2026-10-29", now)).toBe("4 days ago");
    expect(relativeDays("2026-11-16", now)).toBe("in 2 weeks");
    expect(relativeDays(new Date(2026, 10, 2, 1).toISOString(), now)).toBe("today");
  });
  it("adds days across month ends and DST", () => {
    expect(addDaysOn("2026-10-31", 1)).toBe("2026-11-01");
    expect(addDaysOn("2026-03-28", 2)).toBe("2026-03-30");
    expect(toDateOn(now)).toBe("2026-11-02");
  });
  it("makes initials and plurals", () => {
    expect(initials("Rosa Diaz")).toBe("RD");
    expect(initials("Cher")).toBe("C");
    expect(initials(" ")).toBe("?");
    expect(plural(1, "touch", "touches")).toBe("1 touch");
    expect(plural(3, "day")).toBe("3 days");
  });
});
