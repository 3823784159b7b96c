import { describe, expect, it } from "vitest";
import { personalLineFrom } from "./personal-line.ts";

describe("the personal line from the last touch", () => {
  it.each([
    ["Talked about the robotics meetup", "I still think about our talk about the robotics meetup."],
    ["talked about the robotics meetup. Also jobs.", "I still think about our talk about the robotics meetup."],
    ["We discussed her move to Lisbon!", "I still think about our talk about your move to Lisbon."],
    ["Talked about his rooftop hives 🐝", "I still think about our talk about your rooftop hives 🐝."],
    ["Talked about their garden", "I still think about our talk about your garden."],
    ["Talked about helping her move", "I still think about our talk about helping her move."],
    ["Chat about sourdough\nmore notes here", "I still think about our talk about sourdough."],
    ["Met at RustConf 2026", "It was so good to see you at RustConf 2026."],
    ["Coffee about the new studio", "I still think about our talk about the new studio."],
  ])("%j → %j", (summary, line) => {
    expect(personalLineFrom({ kind: "meeting", summary })).toBe(line);
  });

  it.each(["", "Sent the invoice", "call", "Talked about ...", `Talked about ${"x".repeat(300)}`, "Talked about 42"])(
    "nothing fits %j: empty",
    (summary) => {
      expect(personalLineFrom({ kind: "call", summary })).toBe("");
    },
  );

  it("no last touch: empty", () => {
    expect(personalLineFrom(null)).toBe("");
  });
});
