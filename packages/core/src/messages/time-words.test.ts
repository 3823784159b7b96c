import { describe, expect, it } from "vitest";
import { agoWords, gapWords } from "./time-words.ts";

describe("time in words", () => {
  it("says a gap as a person would, without a reproachful count of days", () => {
    const said = [0, 3, 8, 21, 35, 122, 200, 400, 600, 1100].map(gapWords);
    expect(said).toEqual([
      "a day",
      "a few days",
      "a week",
      "three weeks",
      "a month",
      "four months",
      "seven months",
      "a year",
      "over a year",
      "over three years",
    ]);
    expect(gapWords(-1)).toBe("");
  });

  it("says how long ago in a list's short form", () => {
    expect([0, 1, 5, 21, 120, 365, 800].map(agoWords)).toEqual([
      "today",
      "yesterday",
      "5 days ago",
      "3 weeks ago",
      "4 months ago",
      "a year ago",
      "2 years ago",
    ]);
  });
});
