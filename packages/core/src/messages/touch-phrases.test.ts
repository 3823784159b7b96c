import { describe, expect, it } from "vitest";
import { touchPhrasesOf } from "./touch-phrases.ts";

describe("what a thank-you says of the last meeting", () => {
  it("reads an outing and its place, leaving out who it was with", () => {
    expect(touchPhrasesOf("Coffee at Blue Bottle")).toEqual({ outing: "coffee at Blue Bottle", topic: "" });
    expect(touchPhrasesOf("coffee with Ana at Café Été.")).toEqual({ outing: "coffee at Café Été", topic: "" });
    expect(touchPhrasesOf("Lunch")).toEqual({ outing: "lunch", topic: "" });
    expect(touchPhrasesOf("Dinner in Lisbon — her move to Berlin")).toEqual({
      outing: "dinner in Lisbon",
      topic: "your move to Berlin",
    });
    expect(touchPhrasesOf("Lunch re: the robotics meetup")).toEqual({ outing: "lunch", topic: "the robotics meetup" });
  });

  it("reads what was talked about", () => {
    expect(touchPhrasesOf("Talked about her move to Berlin").topic).toBe("your move to Berlin");
    expect(touchPhrasesOf("Discussed the Q3 roadmap\nfollow up next week").topic).toBe("the Q3 roadmap");
    expect(touchPhrasesOf("Chat about שלום עולם")).toEqual({ outing: "", topic: "שלום עולם" });
  });

  it("says nothing of a summary that reads neither way, or too long to fit a sentence", () => {
    for (const s of ["Studio plans", "Invoice #42 sent", "call", "", "   ", "☕", `Coffee at ${"x".repeat(200)}`]) {
      const { outing, topic } = touchPhrasesOf(s);
      expect(`${outing}${topic}`.includes("x".repeat(101))).toBe(false);
      if (s !== `Coffee at ${"x".repeat(200)}`) expect({ outing, topic }).toEqual({ outing: "", topic: "" });
    }
    expect(touchPhrasesOf(`Coffee at ${"x".repeat(200)}`)).toEqual({ outing: "coffee", topic: "" });
  });
});
