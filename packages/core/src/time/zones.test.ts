import { describe, expect, it } from "vitest";
import { normalizeInstant } from "./instants.ts";
import { isValidTimeZone, localDateOf, localTimeToInstant, offsetMinutesAt, startOfLocalDayAt } from "./zones.ts";

const NEW_YORK = "America/New_York";
const BERLIN = "Europe/Berlin";

describe("instants", () => {
  it("normalises offsets to canonical UTC strings and rejects loose input", () => {
    expect(normalizeInstant("2026-11-24T08:00:00+01:00")).toBe("2026-11-24T07:00:00.000Z");
    expect(normalizeInstant("2026-11-24T13:00Z")).toBe("2026-11-24T13:00:00.000Z");
    expect(() => normalizeInstant("2026-11-24")).toThrow(/instant/);
    expect(() => normalizeInstant("yesterday")).toThrow(/instant/);
  });
});

describe("localDateOf", () => {
  it("gives the date on the account's wall clock, not in UTC", () => {
    expect(localDateOf("2026-11-24T03:00:00.000Z", NEW_YORK)).toBe("2026-11-23");
    expect(localDateOf("2026-11-24T05:00:00.000Z", NEW_YORK)).toBe("2026-11-24");
    expect(localDateOf("2026-11-24T23:30:00.000Z", BERLIN)).toBe("2026-11-25");
    expect(localDateOf("2026-11-24T23:30:00.000Z", "UTC")).toBe("2026-11-24");
  });

  it("moves midnight with DST in New York (spring 2026-03-08, fall 2026-11-01)", () => {
    // Before spring-forward midnight is 05:00Z; after, 04:00Z.
    expect(localDateOf("2026-03-08T04:59:59.000Z", NEW_YORK)).toBe("2026-03-07");
    expect(localDateOf("2026-03-08T05:00:00.000Z", NEW_YORK)).toBe("2026-03-08");
    expect(localDateOf("2026-03-09T03:59:59.000Z", NEW_YORK)).toBe("2026-03-08");
    expect(localDateOf("2026-03-09T04:00:00.000Z", NEW_YORK)).toBe("2026-03-09");
    expect(localDateOf("2026-11-02T04:59:59.000Z", NEW_YORK)).toBe("2026-11-01");
    expect(localDateOf("2026-11-02T05:00:00.000Z", NEW_YORK)).toBe("2026-11-02");
  });

  it("moves midnight with DST in Berlin (spring 2026-03-29, fall 2026-10-25)", () => {
    expect(localDateOf("2026-03-28T22:59:59.000Z", BERLIN)).toBe("2026-03-28");
    expect(localDateOf("2026-03-28T23:00:00.000Z", BERLIN)).toBe("2026-03-29");
    expect(localDateOf("2026-03-29T21:59:59.000Z", BERLIN)).toBe("2026-03-29");
    expect(localDateOf("2026-03-29T22:00:00.000Z", BERLIN)).toBe("2026-03-30");
    expect(localDateOf("2026-10-25T22:59:59.000Z", BERLIN)).toBe("2026-10-25");
    expect(localDateOf("2026-10-25T23:00:00.000Z", BERLIN)).toBe("2026-10-26");
  });

  it("rejects unknown time zones with a clear message", () => {
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone(BERLIN)).toBe(true);
    expect(() => localDateOf("2026-11-24T03:00:00.000Z", "Mars/Olympus_Mons")).toThrow(/timeZone/);
  });
});

describe("offsets", () => {
  it("reads the offset at the instant", () => {
    expect(offsetMinutesAt("2026-01-15T12:00:00.000Z", NEW_YORK)).toBe(-300);
    expect(offsetMinutesAt("2026-07-15T12:00:00.000Z", NEW_YORK)).toBe(-240);
    expect(offsetMinutesAt("2026-01-15T12:00:00.000Z", BERLIN)).toBe(60);
    expect(offsetMinutesAt("2026-07-15T12:00:00.000Z", BERLIN)).toBe(120);
  });
});

describe("localTimeToInstant and startOfLocalDayAt", () => {
  it("finds the start of ordinary and DST days", () => {
    expect(startOfLocalDayAt("2026-11-24", NEW_YORK)).toBe("2026-11-24T05:00:00.000Z");
    expect(startOfLocalDayAt("2026-03-08", NEW_YORK)).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDayAt("2026-03-09", NEW_YORK)).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfLocalDayAt("2026-11-01", NEW_YORK)).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfLocalDayAt("2026-03-29", BERLIN)).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfLocalDayAt("2026-10-26", BERLIN)).toBe("2026-10-25T23:00:00.000Z");
  });

  it("converts an ordinary local time either side of DST", () => {
    expect(localTimeToInstant("2026-03-07", "08:00", NEW_YORK)).toBe("2026-03-07T13:00:00.000Z");
    expect(localTimeToInstant("2026-03-08", "08:00", NEW_YORK)).toBe("2026-03-08T12:00:00.000Z");
    expect(localTimeToInstant("2026-10-25", "08:00", BERLIN)).toBe("2026-10-25T07:00:00.000Z");
    expect(localTimeToInstant("2026-10-24", "08:00", BERLIN)).toBe("2026-10-24T06:00:00.000Z");
  });

  it("moves a time skipped by spring-forward ahead by the gap", () => {
    // 02:30 does not exist on these days; 03:30 local (summer time) is the answer.
    expect(localTimeToInstant("2026-03-08", "02:30", NEW_YORK)).toBe("2026-03-08T07:30:00.000Z");
    expect(localDateOf("2026-03-08T07:30:00.000Z", NEW_YORK)).toBe("2026-03-08");
    expect(localTimeToInstant("2026-03-29", "02:30", BERLIN)).toBe("2026-03-29T01:30:00.000Z");
  });

  it("picks the first of two occurrences when fall-back repeats a time", () => {
    // 01:30 happens in EDT (05:30Z) and again in EST (06:30Z).
    expect(localTimeToInstant("2026-11-01", "01:30", NEW_YORK)).toBe("2026-11-01T05:30:00.000Z");
    // 02:30 happens in CEST (00:30Z) and again in CET (01:30Z).
    expect(localTimeToInstant("2026-10-25", "02:30", BERLIN)).toBe("2026-10-25T00:30:00.000Z");
  });

  it("rejects malformed times and dates", () => {
    expect(() => localTimeToInstant("2026-11-24", "8:00", NEW_YORK)).toThrow(/HH:MM/);
    expect(() => localTimeToInstant("2026-11-24", "24:00", NEW_YORK)).toThrow(/HH:MM/);
    expect(() => localTimeToInstant("2026-02-30", "08:00", NEW_YORK)).toThrow(/calendar date/);
  });

  it("round-trips every local hour of a whole DST year in both zones", () => {
    for (const zone of [NEW_YORK, BERLIN]) {
      for (let day = 0; day < 366; day += 1) {
        const on = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
        const at = startOfLocalDayAt(on, zone);
        expect(localDateOf(at, zone)).toBe(on);
        const previous = new Date(Date.parse(at) - 1).toISOString();
        expect(localDateOf(previous, zone) < on).toBe(true);
      }
    }
  });
});
