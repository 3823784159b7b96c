import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { ArticleRecord } from "../articles/article-port.ts";
import { createContact, getToday, logInteraction } from "../index.ts";

const NOW = "2026-11-02T09:00:00.000Z";

describe.each(DIALECTS)("articles on the today list on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: NOW });

  async function saveFetched(id: string, savedAt: string, over: Partial<ArticleRecord> = {}) {
    await w.deps.store.articles.insert(w.alice.accountId, {
      ...{ id, url: `https://news.example/${id}`, note: "", tags: [], status: "fetched", failure: null },
      ...{ title: "Cities plant trees", description: "Urban forests cool streets", topics: ["trees", "urban forests"] },
      ...{ text: "Cities plant trees. Urban forests cool the streets in summer.", savedAt, savedBy: w.alice.userId },
      ...{ fetchedAt: savedAt, attempts: 1, nextAttemptAt: null },
      ...over,
    });
  }

  /** A contact of the inner circle last called in September: overdue by cadence today. */
  async function overdue(firstName: string, interests: string[]) {
    const c = await createContact(w.deps, w.alice, { firstName, circle: "inner", interests });
    await logInteraction(w.deps, w.alice, {
      ...{ contactIds: [c.id], kind: "call", direction: "mutual", occurredAt: "2026-09-01T12:00:00Z" },
    });
    return c;
  }

  it("offers a recent matching article beside a cadence item's check-in, with its own draft", async () => {
    const ana = await overdue("Ana", ["urban forests"]);
    const ben = await overdue("Ben", ["sailing"]);
    await saveFetched("a1", "2026-10-30T08:00:00.000Z");
    const view = await getToday(w.deps, w.alice);
    const item = (id: string) => view.items.find((i) => i.contactId === id);
    expect(item(ana.id)?.reasonKind).toMatch(/^cadence-/);
    // The item's own draft is still the cadence's; the article comes beside it.
    expect(item(ana.id)?.draft.templateId).not.toBe("default:article");
    expect(item(ana.id)?.article).toMatchObject({
      id: "a1",
      title: "Cities plant trees",
      url: "https://news.example/a1",
    });
    expect(item(ana.id)?.article?.draft).toMatchObject({ templateId: "default:article" });
    expect(item(ana.id)?.article?.draft.body).toContain("https://news.example/a1");
    expect(item(ana.id)?.article?.draft.body).toMatch(/^Hi Ana,/);
    expect(item(ben.id)?.article).toBeNull();
  });

  it("offers nothing older than 30 days, nothing not fetched, and nothing another account saved", async () => {
    const ana = await overdue("Ana", ["urban forests"]);
    await saveFetched("old", "2026-09-30T08:00:00.000Z");
    await saveFetched("pending", "2026-11-01T08:00:00.000Z", { status: "pending", fetchedAt: null });
    await w.deps.store.articles.insert(w.bob.accountId, {
      ...{ id: "bobs", url: "https://news.example/bobs", note: "", tags: [], status: "fetched", failure: null },
      ...{ title: "Urban forests", description: "", topics: ["urban forests"], text: "urban forests" },
      ...{ savedAt: "2026-11-01T08:00:00.000Z", savedBy: w.bob.userId, fetchedAt: NOW, attempts: 1 },
      nextAttemptAt: null,
    });
    const view = await getToday(w.deps, w.alice);
    expect(view.items.find((i) => i.contactId === ana.id)?.article).toBeNull();
  });
});
