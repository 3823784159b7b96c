import { describe, expect, it } from "vitest";
import { cadenceForStage, connectionProgress } from "./progress.ts";

describe("connectionProgress", () => {
  it("goes new → building → connected at the target", () => {
    expect(connectionProgress(0)).toEqual({ exchanges: 0, target: 7, stage: "new", remaining: 7 });
    expect(connectionProgress(1)).toMatchObject({ stage: "building", remaining: 6 });
    expect(connectionProgress(6)).toMatchObject({ stage: "building", remaining: 1 });
    expect(connectionProgress(7)).toMatchObject({ stage: "connected", remaining: 0 });
    expect(connectionProgress(9, 10)).toMatchObject({ stage: "building", remaining: 1 });
    expect(connectionProgress(12, 10)).toMatchObject({ stage: "connected", remaining: 0 });
  });

  it("accepts targets 7–10 only", () => {
    expect(() => connectionProgress(3, 12)).toThrow(/connectionTarget/);
    expect(() => connectionProgress(3, 6)).toThrow(/connectionTarget/);
    expect(() => connectionProgress(-1)).toThrow(/exchanges/);
  });
});

describe("cadenceForStage", () => {
  it("halves the interval while building, but not below 7 days", () => {
    expect(cadenceForStage({ idealDays: 30, maxDays: 45 }, "building")).toEqual({ idealDays: 15, maxDays: 23 });
    expect(cadenceForStage({ idealDays: 14, maxDays: 21 }, "building")).toEqual({ idealDays: 7, maxDays: 11 });
    expect(cadenceForStage({ idealDays: 10, maxDays: 12 }, "building")).toEqual({ idealDays: 7, maxDays: 7 });
  });

  it("never lengthens a short interval", () => {
    expect(cadenceForStage({ idealDays: 5, maxDays: 6 }, "building")).toEqual({ idealDays: 5, maxDays: 6 });
  });

  it("keeps the full interval for new and connected contacts", () => {
    expect(cadenceForStage({ idealDays: 30, maxDays: 45 }, "new")).toEqual({ idealDays: 30, maxDays: 45 });
    expect(cadenceForStage({ idealDays: 30, maxDays: 45 }, "connected")).toEqual({ idealDays: 30, maxDays: 45 });
  });
});
