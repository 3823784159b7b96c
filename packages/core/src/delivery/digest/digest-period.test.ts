import { describe, expect, it } from "vitest";
import { digestPeriodAt, MAX_ATTEMPTS, nextAttemptAt } from "./digest-period.ts";

const daily = { digest: "daily", hour: 8 } as const;

describe("digestPeriodAt", () => {
  it("is due from 08:00 local time, in the account's own zone", () => {
    // 07:59 and 08:00 in New York (UTC-5 in November).
    expect(digestPeriodAt("2026-11-03T12:59:00.000Z", "America/New_York", 1, daily)).toBeNull();
    expect(digestPeriodAt("2026-11-03T13:00:00.000Z", "America/New_York", 1, daily)).toBe("2026-11-03");
    // The same instant is already the next local day in Tokyo.
    expect(digestPeriodAt("2026-11-03T23:30:00.000Z", "Asia/Tokyo", 1, daily)).toBe("2026-11-04");
    expect(digestPeriodAt("2026-11-03T22:30:00.000Z", "Asia/Tokyo", 1, daily)).toBeNull();
  });

  it("follows the wall clock across a DST change", () => {
    // 2026-11-01 New York falls back: 08:00 is 13:00Z; the day before (EDT) it was 12:00Z.
    expect(digestPeriodAt("2026-10-31T12:00:00.000Z", "America/New_York", 1, daily)).toBe("2026-10-31");
    expect(digestPeriodAt("2026-11-01T12:30:00.000Z", "America/New_York", 1, daily)).toBeNull();
    expect(digestPeriodAt("2026-11-01T13:00:00.000Z", "America/New_York", 1, daily)).toBe("2026-11-01");
  });

  it("weekly: the week's start, from its hour on; off: never", () => {
    const weekly = { digest: "weekly", hour: 9 } as const;
    // 2026-11-02 is a Monday.
    expect(digestPeriodAt("2026-11-05T10:00:00.000Z", "UTC", 1, weekly)).toBe("2026-11-02");
    expect(digestPeriodAt("2026-11-02T08:59:00.000Z", "UTC", 1, weekly)).toBeNull();
    expect(digestPeriodAt("2026-11-05T10:00:00.000Z", "UTC", 0, weekly)).toBe("2026-11-01");
    expect(digestPeriodAt("2026-11-05T10:00:00.000Z", "UTC", 1, { digest: "off", hour: 8 })).toBeNull();
  });
});

describe("nextAttemptAt", () => {
  it("backs off exponentially and gives up after the last attempt", () => {
    const at = "2026-11-03T13:00:00.000Z";
    expect(nextAttemptAt(at, 1)).toBe("2026-11-03T13:01:00.000Z");
    expect(nextAttemptAt(at, 3)).toBe("2026-11-03T13:04:00.000Z");
    expect(nextAttemptAt(at, MAX_ATTEMPTS)).toBeNull();
  });
});
