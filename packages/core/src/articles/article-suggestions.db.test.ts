import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createContact, setContactArchived, updateContact } from "../contacts/contact-service.ts";
import { recordSent } from "../messages/send/send-message.ts";
import { codeOf } from "../testing/fakes.ts";
import { doneToday, skipToday, undoToday } from "../today/today-actions.ts";
import { getToday } from "../today/today-service.ts";
import type { ArticleFetcher, FetchedPage } from "./article-port.ts";
import { deleteArticle, saveArticle } from "./article-service.ts";
import { refreshArticleSuggestions } from "./article-suggestions.ts";
import { runArticleFetchTick } from "./fetch-articles.ts";

const NOW = "2026-11-02T09:00:00.000Z";
const URL = "https://news.example/sourdough";
const PAGE = `<html><head><title>The sourdough revival</title>
<meta name="description" content="Why bakers keep their starters alive"></head>
<body><article><p>${"Sourdough bakers share starters across the city. Fermentation takes patience. ".repeat(6)}</p></article></body></html>`;

const fetcher = (page: string): ArticleFetcher => ({
  refusal: async () => null,
  fetchPage: async (): Promise<FetchedPage> => ({ ok: true, url: URL, mediaType: "text/html", text: page }),
});

describe.each(DIALECTS)("articles suggested on Today by themselves on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: NOW });
  const deps = () => ({ ...w.deps, articleFetcher: fetcher(PAGE) });
  const advanceDays = (days: number) =>
    w.clock.set(new Date(w.clock.now().getTime() + days * 86_400_000).toISOString());
  const articleItems = async () =>
    Object.fromEntries(
      (await getToday(w.deps, w.alice)).items
        .filter((i) => i.reasonKind === "article-match")
        .map((i) => [i.displayName, i]),
    );

  /** Four people who love sourdough (in different words and strengths), one who does not; Bob's account too. */
  async function people() {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana", interests: ["sourdough", "fermentation"] });
    const zoe = await createContact(w.deps, w.alice, { firstName: "Zoë", lastName: "علي", interests: ["Sourdough"] });
    const ken = await createContact(w.deps, w.alice, { firstName: "Ken", tags: ["bakers"] });
    const lin = await createContact(w.deps, w.alice, { firstName: "Lin", tags: ["fermentation"] });
    const una = await createContact(w.deps, w.alice, { firstName: "Una", interests: ["sailing"] });
    await createContact(w.deps, w.bob, { firstName: "Bob's friend", interests: ["sourdough"] });
    return { ana, zoe, ken, lin, una };
  }

  async function saveAndFetch() {
    const saved = await saveArticle(deps(), w.alice, { url: URL });
    await runArticleFetchTick(deps(), { owner: "test" });
    return saved;
  }

  it("puts an article item with its draft on Today for the closest three, and for nobody else", async () => {
    const { ana, zoe, una } = await people();
    const saved = await saveAndFetch();
    const items = await articleItems();
    expect(Object.keys(items).sort()).toEqual(["Ana", "Ken", "Zoë علي"].sort());
    const item = items.Ana;
    expect(item).toMatchObject({ contactId: ana.id, templateSlot: "article" });
    expect(item?.sentence).toContain("The sourdough revival");
    expect(item?.draft).toMatchObject({ templateId: "default:article" });
    expect(item?.draft.body).toMatch(/^Hi Ana,/);
    expect(item?.draft.body).toContain(URL);
    expect(item?.article).toMatchObject({ id: saved.id, title: "The sourdough revival", url: URL });
    expect(items["Zoë علي"]?.contactId).toBe(zoe.id);
    expect(items.Una).toBeUndefined();
    expect((await getToday(w.deps, w.bob)).items).toEqual([]);
    // The stored matches are the account's own, open for the three picked.
    const stored = await w.deps.store.articles.matchesOf(w.alice.accountId, saved.id);
    expect(stored.filter((m) => m.status === "open").map((m) => m.contactId)).not.toContain(una.id);
    expect(await w.deps.store.articles.matchesOf(w.bob.accountId, saved.id)).toEqual([]);
  });

  it("a note or tags at saving suggest it already, before the page is read", async () => {
    await people();
    await saveArticle(deps(), w.alice, { url: URL, note: "sourdough starters", tags: ["sourdough"] });
    expect(Object.keys(await articleItems()).sort()).toEqual(["Ana", "Zoë علي"].sort());
  });

  it("done shares it (the item goes, a touch is logged), skip dismisses it, undo brings each back", async () => {
    const { ana, zoe } = await people();
    const saved = await saveAndFetch();
    const done = await doneToday(w.deps, w.alice, ana.id, { kind: "email" });
    expect(done.applied).toBe(true);
    const skipped = await skipToday(w.deps, w.alice, zoe.id);
    expect(skipped.untilOn).toBeNull();
    expect(Object.keys(await articleItems())).toEqual(["Ken"]);
    // Skipping an article holds nothing else of Zoë's.
    expect((await w.deps.store.contacts.findById(w.alice.accountId, zoe.id))?.snoozedUntilOn).toBeNull();
    // Matched again, it is not suggested again to either, nor to a fourth: three were picked, one shared.
    await refreshArticleSuggestions(w.deps, w.alice.accountId, saved.id);
    expect(Object.keys(await articleItems())).toEqual(["Ken"]);

    await undoToday(w.deps, w.alice, skipped.undo);
    await undoToday(w.deps, w.alice, done.undo);
    const back = await articleItems();
    expect(back.Ana?.article?.id).toBeDefined();
    expect(back["Zoë علي"]).toBeDefined();
    expect((await w.deps.store.articles.matchesOf(w.alice.accountId, saved.id)).map((m) => m.status)).not.toContain(
      "shared",
    );
  });

  it("a message that shares it closes the pair; an unknown article is a 400 naming the field", async () => {
    const { ana } = await people();
    const saved = await saveAndFetch();
    await recordSent(w.deps, w.alice, { contactId: ana.id, channel: "email", subject: "Thought of you", body: "…" });
    expect(await articleItems()).toHaveProperty("Ana");
    await recordSent(w.deps, w.alice, {
      ...{ contactId: ana.id, channel: "email", subject: "Thought of you", body: "…" },
      articleId: saved.id,
    });
    expect(await articleItems()).not.toHaveProperty("Ana");
    const before = (await w.deps.store.interactions.historyOf(w.alice.accountId, ana.id)).length;
    const refused = recordSent(w.deps, w.bob, {
      ...{ contactId: (await createContact(w.deps, w.bob, { firstName: "B" })).id, channel: "any", body: "x" },
      articleId: saved.id,
    });
    expect(await codeOf(refused)).toBe("validation");
    expect((await w.deps.store.interactions.historyOf(w.alice.accountId, ana.id)).length).toBe(before);
  });

  it("leaves after three weeks, and is not offered to a muted or archived person", async () => {
    const { ana, zoe } = await people();
    const saved = await saveAndFetch();
    await updateContact(w.deps, w.alice, ana.id, { muted: true });
    await setContactArchived(w.deps, w.alice, zoe.id, true);
    expect(Object.keys(await articleItems())).toEqual(["Ken"]);
    advanceDays(20);
    expect(Object.keys(await articleItems())).toEqual(["Ken"]);
    advanceDays(2);
    expect(await articleItems()).toEqual({});
    expect((await w.deps.store.articles.matchesOf(w.alice.accountId, saved.id)).length).toBeGreaterThan(0);
  });

  it("stores matches by account; a closed pair stays closed through a new list, and only a match reopens", async () => {
    const { ana, zoe, ken } = await people();
    const saved = await saveArticle(deps(), w.alice, { url: URL });
    const repo = w.deps.store.articles;
    const id = w.alice.accountId;
    await repo.setOpenMatches(
      id,
      saved.id,
      [{ contactId: ana.id, score: 12, reasons: ["interested in sourdough"] }],
      NOW,
    );
    await repo.closeMatch(id, saved.id, zoe.id, "shared", NOW);
    const later = "2026-11-03T09:00:00.000Z";
    await repo.setOpenMatches(
      id,
      saved.id,
      [ana, zoe, ken].map((c) => ({ contactId: c.id, score: 20, reasons: ["tagged bakers"] })),
      later,
    );
    const rows = Object.fromEntries((await repo.matchesOf(id, saved.id)).map((m) => [m.contactId, m]));
    expect(rows[ana.id]).toMatchObject({ status: "open", score: 20, matchedAt: NOW, reasons: ["tagged bakers"] });
    expect(rows[zoe.id]).toMatchObject({ status: "shared", score: 0 });
    expect(rows[ken.id]).toMatchObject({ status: "open", matchedAt: later });
    expect((await repo.openSuggestionsOf(id, [ana.id, zoe.id, ken.id])).map((s) => s.contactId).sort()).toEqual(
      [ana.id, ken.id].sort(),
    );
    expect(await repo.openSuggestionsOf(w.bob.accountId, [ana.id, ken.id])).toEqual([]);
    await repo.reopenMatch(id, saved.id, zoe.id, later);
    expect((await repo.matchesOf(id, saved.id)).find((m) => m.contactId === zoe.id)?.status).toBe("shared");
    await repo.setOpenMatches(id, saved.id, [], later);
    expect((await repo.matchesOf(id, saved.id)).map((m) => m.status)).toEqual(["shared"]);
  });

  it("a day later, the article job matches a contact's new interest without a write of its own", async () => {
    const { una } = await people();
    await saveArticle(deps(), w.alice, { url: URL, note: "for sailors" });
    await runArticleFetchTick(deps(), { owner: "test" });
    await setContactArchived(w.deps, w.alice, (await articleItems()).Ken!.contactId, true);
    await updateContact(w.deps, w.alice, una.id, { interests: ["sourdough", "sailing"] });
    advanceDays(0.5);
    await runArticleFetchTick(deps(), { owner: "test" });
    expect(await articleItems()).not.toHaveProperty("Una");
    advanceDays(0.6);
    await runArticleFetchTick(deps(), { owner: "test" });
    expect(Object.keys(await articleItems()).sort()).toEqual(["Ana", "Una", "Zoë علي"].sort());
  });

  it("leaves with the article, in the same act", async () => {
    await people();
    const saved = await saveAndFetch();
    expect(Object.keys(await articleItems())).toHaveLength(3);
    await deleteArticle(w.deps, w.alice, saved.id);
    expect(await articleItems()).toEqual({});
    expect(await w.deps.store.articles.matchesOf(w.alice.accountId, saved.id)).toEqual([]);
  });
});
