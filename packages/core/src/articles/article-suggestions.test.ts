import { describe, expect, it } from "vitest";
import { pickSuggested, SUGGESTED_CONTACTS_MAX, suggestsByItself } from "./article-suggestions.ts";
import type { ArticleMatch } from "./schemas.ts";

const match = (contactId: string, score: number): ArticleMatch => ({
  contactId,
  displayName: contactId,
  company: null,
  score,
  reasons: [],
  nextDueOn: null,
});

describe("which of an article's matches become Today items", () => {
  it("keeps the strongest few in the matcher's order, leaving weak matches out", () => {
    const ranked = [match("ana", 25), match("ben", 15), match("chloé", 10), match("dov", 7), match("eve", 4)];
    expect(pickSuggested(ranked, new Set()).map((m) => m.contactId)).toEqual(["ana", "ben", "chloé"]);
    expect(SUGGESTED_CONTACTS_MAX).toBe(3);
    // A company mention (4) or one topic in the notes (2) is too thin a reason to write.
    expect(pickSuggested([match("eve", 4), match("fay", 2)], new Set())).toEqual([]);
    expect(pickSuggested([match("gus", 5)], new Set()).map((m) => m.contactId)).toEqual(["gus"]);
  });

  it("never suggests again to someone it was shared with or dismissed for, nor brings the next one in", () => {
    const ranked = [match("ana", 25), match("ben", 15), match("chloé", 10), match("dov", 7)];
    expect(pickSuggested(ranked, new Set(["ana", "chloé"])).map((m) => m.contactId)).toEqual(["ben"]);
    // Shared by hand with three others: done, nobody more.
    expect(pickSuggested(ranked, new Set(["x", "y", "z"]))).toEqual([]);
    expect(pickSuggested(ranked, new Set(["x"])).map((m) => m.contactId)).toEqual(["ana", "ben"]);
  });

  it("suggests an article by itself for three weeks after it was saved", () => {
    const savedAt = "2026-11-01T10:00:00.000Z";
    expect(suggestsByItself({ savedAt }, "2026-11-01T10:00:00.000Z")).toBe(true);
    expect(suggestsByItself({ savedAt }, "2026-11-22T09:59:59.999Z")).toBe(true);
    expect(suggestsByItself({ savedAt }, "2026-11-22T10:00:00.000Z")).toBe(false);
  });
});
