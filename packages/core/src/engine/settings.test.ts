import { describe, expect, it } from "vitest";
import { EngineInputError } from "./errors.ts";
import { defaultEngineSettings, parseEngineSettings } from "./settings.ts";

function fieldOf(input: unknown): string {
  try {
    parseEngineSettings(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineInputError);
    return (error as EngineInputError).field;
  }
  throw new Error("expected the settings to be rejected");
}

describe("engineSettingsSchema", () => {
  it("fills every default", () => {
    expect(defaultEngineSettings).toMatchObject({
      nudgeScheduleDays: [3, 7, 14],
      moveOnAfter: 3,
      connectionTarget: 7,
      dailyCap: 5,
      weeklyGoal: 1,
      weekStartsOn: 1,
      timeZone: "UTC",
      country: null,
      region: null,
      holidayCircles: ["inner", "close"],
      holidayLeadDays: 3,
    });
    expect(defaultEngineSettings.circles.inner).toEqual({ mode: "cadence", idealDays: 14, maxDays: 21 });
    expect(defaultEngineSettings.circles.close).toEqual({ mode: "cadence", idealDays: 30, maxDays: 45 });
    expect(defaultEngineSettings.circles.network).toEqual({ mode: "cadence", idealDays: 90, maxDays: 120 });
    expect(defaultEngineSettings.circles.acquaintance).toEqual({ mode: "cadence", idealDays: 180, maxDays: 270 });
    expect(defaultEngineSettings.circles["occasions-only"]).toEqual({ mode: "occasions-only" });
    expect(defaultEngineSettings.circles.none).toEqual({ mode: "none" });
  });

  it("keeps valid custom values", () => {
    const settings = parseEngineSettings({
      connectionTarget: 10,
      timeZone: "America/New_York",
      country: "CA",
      region: "ON",
      nudgeScheduleDays: [2, 5],
    });
    expect(settings.connectionTarget).toBe(10);
    expect(settings.country).toBe("CA");
    expect(settings.nudgeScheduleDays).toEqual([2, 5]);
  });

  it("names the bad field in the error", () => {
    expect(fieldOf({ connectionTarget: 12 })).toBe("connectionTarget");
    expect(() => parseEngineSettings({ connectionTarget: 12 })).toThrow(/connectionTarget.*between 7 and 10/);
    expect(fieldOf({ connectionTarget: 6 })).toBe("connectionTarget");
    expect(fieldOf({ holidayLeadDays: -1 })).toBe("holidayLeadDays");
    expect(fieldOf({ occasionLeadDays: -2 })).toBe("occasionLeadDays");
    expect(fieldOf({ dailyCap: 0 })).toBe("dailyCap");
    expect(fieldOf({ weekStartsOn: 7 })).toBe("weekStartsOn");
    expect(fieldOf({ timeZone: "Mars/Base" })).toBe("timeZone");
    expect(fieldOf({ country: "XX" })).toBe("country");
    expect(fieldOf({ region: "ON" })).toBe("region");
    expect(fieldOf({ nudgeScheduleDays: [7, 3] })).toBe("nudgeScheduleDays");
    expect(fieldOf({ nudgeScheduleDays: [] })).toBe("nudgeScheduleDays");
    expect(fieldOf({ moveOnAfter: 5 })).toBe("moveOnAfter"); // more than nudges + 1
  });

  it("checks circles", () => {
    expect(fieldOf({ circles: { inner: { mode: "cadence", idealDays: 20, maxDays: 10 } } })).toMatch(/^circles/);
    expect(fieldOf({ circles: { inner: { mode: "cadence", idealDays: 0, maxDays: 10 } } })).toMatch(/^circles/);
    // occasions-only must stay, because move-on needs it.
    expect(fieldOf({ circles: { inner: { mode: "cadence", idealDays: 14, maxDays: 21 } } })).toBe("circles");
  });
});
