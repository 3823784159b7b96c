import { describe, expect, it } from "vitest";
import { effectiveCadence, resolveCircle } from "./circles.ts";
import { defaultCircles } from "./settings.ts";

const close = { mode: "cadence", idealDays: 30, maxDays: 45 } as const;

describe("effectiveCadence", () => {
  it("uses the circle when nothing overrides it", () => {
    expect(effectiveCadence({ circle: close })).toEqual({
      mode: "cadence",
      idealDays: 30,
      maxDays: 45,
      source: "circle",
    });
  });

  it("lets a tag beat the circle and picks the smallest tag interval", () => {
    const result = effectiveCadence({
      circle: close,
      tagOverrides: [
        { tag: "mentor", idealDays: 21, maxDays: 30 },
        { tag: "recruiter", idealDays: 10, maxDays: 20 },
        { tag: "alumni", idealDays: 60 },
      ],
    });
    expect(result).toEqual({ mode: "cadence", idealDays: 10, maxDays: 20, source: "tag", tag: "recruiter" });
  });

  it("lets the contact beat its tags", () => {
    const result = effectiveCadence({
      circle: close,
      tagOverrides: [{ tag: "recruiter", idealDays: 10, maxDays: 20 }],
      contactOverride: { idealDays: 60, maxDays: 90 },
    });
    expect(result).toEqual({ mode: "cadence", idealDays: 60, maxDays: 90, source: "contact" });
  });

  it("keeps the circle's max/ideal ratio when an override gives only the ideal", () => {
    expect(effectiveCadence({ circle: close, contactOverride: { idealDays: 20 } })).toMatchObject({
      idealDays: 20,
      maxDays: 30,
    });
  });

  it("gives no cadence to occasions-only and none circles, even with overrides", () => {
    expect(effectiveCadence({ circle: { mode: "occasions-only" }, contactOverride: { idealDays: 7 } })).toEqual({
      mode: "occasions-only",
    });
    expect(effectiveCadence({ circle: { mode: "none" }, tagOverrides: [{ tag: "x", idealDays: 7 }] })).toEqual({
      mode: "none",
    });
  });

  it("rejects nonsense overrides naming the field", () => {
    expect(() => effectiveCadence({ circle: close, contactOverride: { idealDays: 0 } })).toThrow(
      /contactOverride.idealDays/,
    );
    expect(() => effectiveCadence({ circle: close, contactOverride: { idealDays: 30, maxDays: 10 } })).toThrow(
      /contactOverride.maxDays/,
    );
  });

  it("resolves circles by name and rejects unknown ones", () => {
    expect(resolveCircle(defaultCircles, "inner")).toEqual({ mode: "cadence", idealDays: 14, maxDays: 21 });
    expect(() => resolveCircle(defaultCircles, "besties")).toThrow(/circle: unknown circle "besties"/);
  });
});
