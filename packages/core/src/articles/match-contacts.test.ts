import { describe, expect, it } from "vitest";
import type { ArticleCandidate } from "./article-port.ts";
import { deriveTopics, haystackOf } from "./derive-topics.ts";
import { rankMatches } from "./match-contacts.ts";

const source = {
  title: "Acme bets on climate tech",
  description: "Carbon capture startups",
  keywords: [],
  text: "Acme invests in climate startups. Carbon capture is the focus. Sailing is not mentioned here much.",
};
const article = { topics: deriveTopics(source), haystack: haystackOf(source) };

const contact = (id: string, fields: Partial<ArticleCandidate>): ArticleCandidate => ({
  id,
  displayName: id,
  interests: [],
  tags: [],
  notes: "",
  company: null,
  nextDueOn: null,
  duePriority: null,
  ...fields,
});

describe("matching contacts to an article", () => {
  it("ranks an interest above a tag above a company above the notes, each with its reason", () => {
    const ranked = rankMatches(
      article,
      [
        contact("notes", { notes: "Told me about carbon capture at dinner" }),
        contact("company", { company: "Acme" }),
        contact("tag", { tags: ["Carbon"] }),
        contact("interest", { interests: ["Climate"] }),
        contact("none", { interests: ["knitting"], company: "Globex" }),
      ],
      20,
    );
    expect(ranked.map((m) => m.contactId)).toEqual(["interest", "tag", "company", "notes"]);
    expect(ranked.map((m) => m.reasons[0])).toEqual([
      "interested in Climate",
      "tagged Carbon",
      "works at Acme",
      "your notes mention carbon capture",
    ]);
  });

  it("breaks ties by how due the contact is, then the next due date", () => {
    const ranked = rankMatches(
      article,
      [
        contact("later", { interests: ["climate"], nextDueOn: "2026-12-20" }),
        contact("sooner", { interests: ["climate"], nextDueOn: "2026-12-01" }),
        contact("due", { interests: ["climate"], duePriority: 5, nextDueOn: "2026-12-24" }),
      ],
      20,
    );
    expect(ranked.map((m) => m.contactId)).toEqual(["due", "sooner", "later"]);
  });

  it("matches whole words only (plural allowed) and keeps at most the limit", () => {
    const many = Array.from({ length: 30 }, (_, i) => contact(`c${String(i).padStart(2, "0")}`, { tags: ["startup"] }));
    expect(rankMatches(article, many, 20)).toHaveLength(20);
    expect(rankMatches(article, [contact("x", { interests: ["lima"], company: "Ac" })], 20)).toEqual([]);
  });
});
