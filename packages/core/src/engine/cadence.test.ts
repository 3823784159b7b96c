import { describe, expect, it } from "vitest";
import { cadenceDates, cadenceStatus } from "./cadence.ts";

const close = { mode: "cadence", idealDays: 30, maxDays: 45, source: "circle" } as const;

describe("cadenceDates", () => {
  it("is due on last touch + ideal and overdue once the gap passes max", () => {
    const dates = cadenceDates({
      lastTouchOn: "2026-10-01",
      createdOn: "2026-01-01",
      cadence: close,
      stage: "connected",
    });
    expect(dates).toMatchObject({ anchor: "last-touch", dueOn: "2026-10-31", overdueOn: "2026-11-16" });
    if (!dates) throw new Error("expected dates");
    expect(cadenceStatus(dates, "2026-10-30")).toBe("not-due");
    expect(cadenceStatus(dates, "2026-10-31")).toBe("due");
    expect(cadenceStatus(dates, "2026-11-15")).toBe("due"); // exactly 45 days: still within the maximum
    expect(cadenceStatus(dates, "2026-11-16")).toBe("overdue");
  });

  it("counts a never-touched contact from its creation date, at the full interval", () => {
    const dates = cadenceDates({ lastTouchOn: null, createdOn: "2026-11-01", cadence: close, stage: "new" });
    expect(dates).toMatchObject({ anchor: "created", anchorOn: "2026-11-01", dueOn: "2026-12-01" });
  });

  it("uses the denser interval while building", () => {
    const dates = cadenceDates({
      lastTouchOn: "2026-11-01",
      createdOn: "2026-10-01",
      cadence: close,
      stage: "building",
    });
    expect(dates).toMatchObject({ idealDays: 15, maxDays: 23, dueOn: "2026-11-16", overdueOn: "2026-11-25" });
  });

  it("crosses leap days correctly", () => {
    const inner = { mode: "cadence", idealDays: 14, maxDays: 21, source: "circle" } as const;
    const dates = cadenceDates({
      lastTouchOn: "2028-02-20",
      createdOn: "2028-01-01",
      cadence: inner,
      stage: "connected",
    });
    expect(dates?.dueOn).toBe("2028-03-05");
  });

  it("has no dates without a cadence, and rejects bad dates", () => {
    expect(
      cadenceDates({ lastTouchOn: null, createdOn: "2026-11-01", cadence: { mode: "none" }, stage: "new" }),
    ).toBeNull();
    expect(() =>
      cadenceDates({ lastTouchOn: "2026-13-01", createdOn: "2026-11-01", cadence: close, stage: "new" }),
    ).toThrow(/lastTouchOn/);
  });
});
