import { describe, expect, it } from "vitest";
import { instantOf, wallClockAt } from "./zoned-time.ts";

describe("wall-clock time in the account's zone", () => {
  it("reads a date and time in the account's zone, not the browser's", () => {
    expect(instantOf("2026-12-09", "14:00", "Europe/Paris")).toBe("2026-12-09T13:00:00.000Z");
    expect(instantOf("2026-07-09", "14:00", "Europe/Paris")).toBe("2026-07-09T12:00:00.000Z");
    expect(instantOf("2026-12-09", "23:30", "America/New_York")).toBe("2026-12-10T04:30:00.000Z");
    expect(wallClockAt("2026-12-10T04:30:00.000Z", "America/New_York")).toEqual({ on: "2026-12-09", time: "23:30" });
  });
  it("puts a time skipped by spring-forward an hour later and takes the first of a repeated one", () => {
    expect(instantOf("2026-03-29", "02:30", "Europe/Paris")).toBe("2026-03-29T01:30:00.000Z");
    expect(wallClockAt("2026-03-29T01:30:00.000Z", "Europe/Paris").time).toBe("03:30");
    expect(instantOf("2026-10-25", "02:30", "Europe/Paris")).toBe("2026-10-25T00:30:00.000Z");
  });
  it("round-trips every quarter hour of a day across a change", () => {
    for (let m = 0; m < 24 * 60; m += 15) {
      const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
      if (time.startsWith("02:")) continue;
      expect(wallClockAt(instantOf("2026-10-25", time, "Europe/Paris"), "Europe/Paris")).toEqual({
        on: "2026-10-25",
        time,
      });
    }
  });
});
