import { openArticleFetcher } from "@kith/runtime";
import { useArticleServer } from "@kith/runtime/testing/article-server";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { articleFetchJob } from "../jobs/article-fetch-job.ts";
import { signUp, useTestServer } from "../testing/test-server.ts";

const PAGE = `<!doctype html><html><head><title>Bees in the city</title>
<meta property="og:description" content="Rooftop hives are booming"><meta name="keywords" content="beekeeping, cities">
</head><body><nav>Menu</nav><article><p>${"Rooftop beekeeping is booming in cities. Honey from Acme Apiaries sells out. ".repeat(4)}</p>
<script>document.write("never")</script></article></body></html>`;

describe.each(DIALECTS)("articles over HTTP on %s", (dialect) => {
  const site = useArticleServer();
  // Test-only: the article fetcher may reach this test's own server on loopback.
  const s = useTestServer(dialect, { env: { KITH_TEST_ALLOW_LOOPBACK_FETCH: "1" } });
  const runJob = () =>
    articleFetchJob({ ...s.deps, articleFetcher: openArticleFetcher(s.config) }).run(new AbortController().signal);

  it("saves a link, the job fetches it from a real server, and the matches say why", async () => {
    site.page("/bees", PAGE);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const acme = (await alice.call("POST", "/api/companies", { name: "Acme Apiaries" })).json();
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa", interests: ["Beekeeping"] })).json();
    const ken = (await alice.call("POST", "/api/contacts", { firstName: "Ken", companyId: acme.id })).json();
    await alice.call("POST", "/api/contacts", { firstName: "Una", interests: ["Opera"] });

    const saved = await alice.call("POST", "/api/articles", { url: site.url("/bees"), note: "Rosa!", tags: ["city"] });
    expect(saved.statusCode).toBe(201);
    const id = saved.json().id as string;
    expect(saved.json()).toMatchObject({ status: "pending", url: site.url("/bees"), tags: ["city"] });

    expect(await runJob()).toEqual({ fetched: 1 });
    expect(await runJob()).toBeNull();
    expect(site.requests.map((r) => r.url)).toEqual(["/bees"]);
    const article = (await alice.call("GET", `/api/articles/${id}`)).json();
    expect(article).toMatchObject({
      status: "fetched",
      title: "Bees in the city",
      description: "Rooftop hives are booming",
    });
    expect(article.topics).toContain("beekeeping");
    expect(JSON.stringify(article)).not.toContain("never");

    const matches = (await alice.call("GET", `/api/articles/${id}/matches`)).json().items;
    expect(matches.map((m: { contactId: string; reasons: string[] }) => [m.contactId, m.reasons])).toEqual([
      [rosa.id, ["interested in Beekeeping"]],
      [ken.id, ["works at Acme Apiaries"]],
    ]);
    // Share with: a draft each from the "thought of you" template, naming the article; sent by hand, it is a touch.
    const drafts = await alice.call("POST", `/api/articles/${id}/drafts`, { contactIds: [rosa.id, ken.id] });
    expect(drafts.statusCode).toBe(200);
    const [forRosa, forKen] = drafts.json().items;
    expect(forRosa).toMatchObject({ contactId: rosa.id, draft: { body: expect.stringContaining("Rosa") } });
    expect(forRosa.draft.body).toContain(site.url("/bees"));
    expect(forKen.draft.body).toContain("Ken");
    const logged = await alice.call("POST", "/api/messages/sent", {
      contactId: rosa.id,
      channel: "email",
      subject: forRosa.draft.subject,
      body: forRosa.draft.body,
    });
    expect(logged.statusCode).toBeLessThan(300);
    expect((await alice.call("GET", `/api/contacts/${rosa.id}`)).json().touchCount).toBe(1);
    const bob = await signUp(s, "Bob", "bob@example.com");
    expect((await bob.call("POST", `/api/articles/${id}/drafts`, { contactIds: [rosa.id] })).statusCode).toBe(404);
    const bobs = (await bob.call("POST", "/api/contacts", { firstName: "Zed" })).json();
    expect((await alice.call("POST", `/api/articles/${id}/drafts`, { contactIds: [bobs.id] })).statusCode).toBe(404);
    expect((await alice.call("GET", "/api/articles")).json().items).toHaveLength(1);
    expect((await alice.call("DELETE", `/api/articles/${id}`)).statusCode).toBe(204);
    expect((await alice.call("GET", `/api/articles/${id}`)).statusCode).toBe(404);
  });

  it("refuses private and credentialed URLs on save, naming the field; a page that is not HTML fails in words", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    for (const url of [
      "http://10.0.0.1/",
      "http://169.254.169.254/latest/",
      "http://u:p@example.com/",
      "file:///etc/passwd",
    ]) {
      const refused = await alice.call("POST", "/api/articles", { url });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].path).toBe("url");
    }
    site.serve("/pic", { headers: { "content-type": "image/png" }, body: "png" });
    site.redirect("/jump", "http://169.254.169.254/latest/meta-data/");
    const pic = (await alice.call("POST", "/api/articles", { url: site.url("/pic") })).json();
    const jump = (await alice.call("POST", "/api/articles", { url: site.url("/jump") })).json();
    await runJob();
    expect((await alice.call("GET", `/api/articles/${pic.id}`)).json()).toMatchObject({
      status: "failed",
      failure: "answered with image/png, which is not text/html, application/xhtml+xml, text/plain",
    });
    expect((await alice.call("GET", `/api/articles/${jump.id}`)).json()).toMatchObject({
      status: "failed",
      failure: "169.254.169.254 is not a public address (linkLocal)",
    });
  });
});

describe("articles without the test-only setting", () => {
  const site = useArticleServer();
  const s = useTestServer("sqlite");

  it("refuses the loopback server on save: the default is strict", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const refused = await alice.call("POST", "/api/articles", { url: site.url("/bees") });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      path: "url",
      message: expect.stringContaining("127.0.0.1 is not a public address"),
    });
    expect(site.requests).toHaveLength(0);
  });
});
