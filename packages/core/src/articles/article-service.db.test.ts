import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createCompany } from "../companies/company-service.ts";
import { createContact, listContacts } from "../contacts/contact-service.ts";
import { exportBackup } from "../exports/backup-service.ts";
import { restoreBackup } from "../exports/restore-service.ts";
import { codeOf } from "../testing/fakes.ts";
import type { ArticleFetcher, FetchedPage } from "./article-port.ts";
import { articleMatches, deleteArticle, getArticle, listArticles, saveArticle } from "./article-service.ts";
import { ARTICLE_MAX_ATTEMPTS, runArticleFetchTick } from "./fetch-articles.ts";

const PAGE = `<html><head><title>Cities plant trees for climate</title>
<meta name="description" content="Urban forests cool streets"></head>
<body><article><p>${"Urban forests cool streets and help the climate. Acme Nurseries grows the saplings. ".repeat(5)}</p></article></body></html>`;

/**
 * The article fetcher's port with pages by URL (the guarded fetcher itself is tested in runtime, against a real
 * server): what the store and the job do with an answer is what these tests are about.
 */
function pages(answers: Record<string, FetchedPage>, refused: Record<string, string> = {}) {
  const fetched: string[] = [];
  const fetcher: ArticleFetcher = {
    refusal: async (url) => refused[url] ?? null,
    fetchPage: async (url) => {
      fetched.push(url);
      return answers[url] ?? { ok: false, retryable: false, reason: "answered 404" };
    },
  };
  return { fetcher, fetched };
}

const html = (text: string): FetchedPage => ({ ok: true, url: "", mediaType: "text/html", text });

describe.each(DIALECTS)("articles on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const viewer = (): Actor => ({ ...w.alice, role: "viewer" });
  const advance = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms).toISOString());

  it("saves a link pending, fetches it once, and ranks the contacts it fits with their reasons", async () => {
    const { fetcher, fetched } = pages({ "https://news.example/trees": html(PAGE) });
    const deps = { ...w.deps, articleFetcher: fetcher };
    const acme = await createCompany(w.deps, w.alice, { name: "Acme Nurseries" });
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", interests: ["climate"] });
    const ken = await createContact(w.deps, w.alice, { firstName: "Ken", companyId: acme.id });
    await createContact(w.deps, w.alice, { firstName: "Una", interests: ["sailing"] });
    await createContact(w.deps, w.bob, { firstName: "Bob's", interests: ["climate"] });

    const saved = await saveArticle(deps, w.alice, {
      url: "https://news.example/trees",
      note: "for Rosa",
      tags: ["green"],
    });
    expect(saved).toMatchObject({ status: "pending", title: null, topics: [], note: "for Rosa", tags: ["green"] });

    expect(await runArticleFetchTick(deps, { owner: "worker-1" })).toBe(1);
    expect(await runArticleFetchTick(deps, { owner: "worker-2" })).toBe(0);
    expect(fetched).toEqual(["https://news.example/trees"]);
    const article = await getArticle(w.deps, w.alice, saved.id);
    expect(article).toMatchObject({
      status: "fetched",
      title: "Cities plant trees for climate",
      description: "Urban forests cool streets",
      fetchedAt: "2026-11-02T09:00:00.000Z",
    });
    // The account's interest it mentions is a topic of its own, first.
    expect(article.topics[0]).toBe("climate");
    expect(article.topics).toContain("urban forests");

    const matches = await articleMatches(w.deps, viewer(), saved.id);
    expect(matches.map((m) => [m.contactId, m.reasons])).toEqual([
      [rosa.id, ["interested in climate"]],
      [ken.id, ["works at Acme Nurseries"]],
    ]);
    expect(await codeOf(articleMatches(w.deps, w.bob, saved.id))).toBe("not_found");
  });

  it("refuses what the schema or the fetcher refuses, naming the URL, and viewers", async () => {
    const { fetcher } = pages({}, { "http://intranet.example/": "10.0.0.1 is not a public address (private)" });
    const deps = { ...w.deps, articleFetcher: fetcher };
    for (const url of ["file:///etc/passwd", "javascript:alert(1)", "http://user:pw@example.com/", "not a url"]) {
      await expect(saveArticle(deps, w.alice, { url })).rejects.toMatchObject({ issues: [{ path: "url" }] });
    }
    await expect(saveArticle(deps, w.alice, { url: "http://intranet.example/" })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "url", message: "URL 10.0.0.1 is not a public address (private)" }],
    });
    expect(await codeOf(saveArticle(deps, viewer(), { url: "https://ok.example/" }))).toBe("forbidden");
    expect(await listArticles(w.deps, w.alice)).toEqual([]);
  });

  it("retries a fetch that may pass later, then marks it failed with the reason; a refusal fails at once", async () => {
    const { fetcher, fetched } = pages({
      "https://flaky.example/": { ok: false, retryable: true, reason: "no answer within 8000 ms" },
      "https://moved.example/": { ok: false, retryable: false, reason: "10.0.0.9 is not a public address (private)" },
    });
    const deps = { ...w.deps, articleFetcher: fetcher };
    const flaky = await saveArticle(deps, w.alice, { url: "https://flaky.example/" });
    const moved = await saveArticle(deps, w.alice, { url: "https://moved.example/" });
    expect(await runArticleFetchTick(deps, { owner: "w" })).toBe(2);
    expect(await getArticle(w.deps, w.alice, moved.id)).toMatchObject({
      status: "failed",
      failure: "10.0.0.9 is not a public address (private)",
    });
    expect(await getArticle(w.deps, w.alice, flaky.id)).toMatchObject({
      status: "pending",
      failure: "no answer within 8000 ms",
    });
    // Not before its next attempt is due.
    expect(await runArticleFetchTick(deps, { owner: "w" })).toBe(0);
    for (let i = 1; i < ARTICLE_MAX_ATTEMPTS; i += 1) {
      advance(60 * 60_000);
      expect(await runArticleFetchTick(deps, { owner: "w" })).toBe(1);
    }
    expect(await getArticle(w.deps, w.alice, flaky.id)).toMatchObject({ status: "failed" });
    expect(fetched.filter((u) => u === "https://flaky.example/")).toHaveLength(ARTICLE_MAX_ATTEMPTS);
  });

  it("a claim held by another instance is left alone until its lease lapses", async () => {
    const { fetcher } = pages({ "https://a.example/": html(PAGE) });
    const deps = { ...w.deps, articleFetcher: fetcher };
    const saved = await saveArticle(deps, w.alice, { url: "https://a.example/" });
    const nowAt = w.clock.now().toISOString();
    const untilAt = new Date(w.clock.now().getTime() + 60_000).toISOString();
    expect(await w.deps.store.articles.claim(w.alice.accountId, saved.id, "crashed", untilAt, nowAt)).not.toBeNull();
    expect(await runArticleFetchTick(deps, { owner: "w" })).toBe(0);
    advance(61_000);
    expect(await runArticleFetchTick(deps, { owner: "w" })).toBe(1);
    // The crashed instance's late write is refused: it no longer holds the lease.
    const late = { title: "late", description: null, text: "", topics: [], fetchedAt: nowAt };
    expect(await w.deps.store.articles.finish(w.alice.accountId, saved.id, "crashed", late)).toBe(false);
    expect((await getArticle(w.deps, w.alice, saved.id)).title).toBe("Cities plant trees for climate");
  });

  it("lists newest first, deletes, and keeps accounts apart", async () => {
    const deps = { ...w.deps, articleFetcher: pages({}).fetcher };
    const first = await saveArticle(deps, w.alice, { url: "https://one.example/" });
    advance(1000);
    const second = await saveArticle(deps, w.alice, { url: "https://two.example/" });
    expect((await listArticles(w.deps, viewer())).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(await listArticles(w.deps, w.bob)).toEqual([]);
    expect(await codeOf(deleteArticle(w.deps, w.bob, first.id))).toBe("not_found");
    expect(await codeOf(deleteArticle(w.deps, viewer(), first.id))).toBe("forbidden");
    await deleteArticle(w.deps, w.alice, first.id);
    expect(await codeOf(getArticle(w.deps, w.alice, first.id))).toBe("not_found");
  });

  it("interests are searchable", async () => {
    await createContact(w.deps, w.alice, { firstName: "Rosa", interests: ["Rock climbing", "Jazz"] });
    const names = async (q: string) => (await listContacts(w.deps, w.alice, { q }, {})).items.map((c) => c.displayName);
    expect(await names("jazz")).toEqual(["Rosa"]);
    expect(await names("rock climb")).toEqual(["Rosa"]);
  });

  it("a backup carries the articles, and a restore brings them back byte for byte", async () => {
    const { fetcher } = pages({ "https://news.example/trees": html(PAGE) });
    const deps = { ...w.deps, articleFetcher: fetcher };
    await saveArticle(deps, w.alice, { url: "https://news.example/trees", tags: ["green"], note: "n" });
    await runArticleFetchTick(deps, { owner: "w" });
    await saveArticle(deps, w.alice, { url: "https://later.example/" });
    const first = JSON.stringify(await exportBackup(w.deps, w.alice), null, 2);
    const backup = JSON.parse(first);
    expect(backup.articles).toHaveLength(2);
    await restoreBackup(w.deps, w.bob, backup);
    expect(JSON.stringify(await exportBackup(w.deps, w.bob), null, 2)).toBe(first);
    // The pending one is fetched again in its new account.
    expect(await w.deps.store.articles.claimable(w.clock.now().toISOString(), 10)).toHaveLength(2);
  });
});
