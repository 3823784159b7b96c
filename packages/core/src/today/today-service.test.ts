import { describe, expect, it } from "vitest";
import type { DueDetail, TodayEntry } from "../engine/index.ts";
import { draftRequestOf } from "./today-service.ts";

const entry = (templateSlot: TodayEntry["templateSlot"], detail: DueDetail) =>
  ({ contactId: "c1", templateSlot, detail }) as TodayEntry;
const outreach = (nudgeNumber: number, nudgeCount: number): DueDetail => ({
  kind: "outreach",
  sentOn: "2026-11-01",
  lastAttemptOn: "2026-11-01",
  nudgeNumber,
  nudgeCount,
  unansweredAttempts: 1,
  suggestMoveOn: false,
  moveOnOn: null,
});

describe("what a today item's draft is for", () => {
  it("numbers a nudge by its place: the first a bump, the last final, any between one more try", () => {
    const slots = (count: number) =>
      Array.from({ length: count }, (_, i) => draftRequestOf(entry("nudge", outreach(i + 1, count))).slot);
    expect(slots(3)).toEqual(["nudge-1", "nudge-2", "nudge-3"]);
    expect(slots(5)).toEqual(["nudge-1", "nudge-2", "nudge-2", "nudge-2", "nudge-3"]);
    expect(slots(1)).toEqual(["nudge-3"]);
  });

  it("names the occasion and the article", () => {
    const holiday = entry("holiday", {
      kind: "occasion",
      occasionKind: "holiday",
      label: "Thanksgiving Day",
      occasionOn: "2026-11-26",
      years: null,
    });
    expect(draftRequestOf(holiday)).toMatchObject({ slot: "holiday", occasion: { name: "Thanksgiving Day" } });
    const article = entry("article", { kind: "article", articleId: "a1", title: "Why we climb" });
    expect(draftRequestOf(article)).toMatchObject({ slot: "article", article: { title: "Why we climb" } });
    // With the stored article, its link and description too.
    const stored = { id: "a1", title: "Why we climb", url: "https://x.example/climb", description: "Ropes" };
    expect(draftRequestOf(article, stored).article).toEqual({
      title: "Why we climb",
      url: stored.url,
      description: "Ropes",
    });
  });
});
