import { createContact } from "@kith/core";
import { createArticleFetcher } from "@kith/runtime";
import { useArticleServer } from "@kith/runtime/testing/article-server";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { runCaptured } from "../testing/cli-harness.ts";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

const PAGE = `<html><head><title>The sourdough revival</title></head><body><article><p>${"Sourdough baking came back in every city. ".repeat(8)}</p></article></body></html>`;

describe.each(DIALECTS)("kith article on %s (in-process)", (dialect) => {
  const site = useArticleServer();
  const { w, kith } = useCliWorld(dialect);
  // Test-only: this client's fetcher may reach the test's own server on loopback.
  const local = (...argv: string[]) =>
    runCaptured(argv, {
      client: createLocalClient(
        w.deps,
        w.alice,
        undefined,
        null,
        null,
        null,
        createArticleFetcher({ allowLoopbackForTests: true }),
      ),
    });

  it("adds a link, fetched here and now, lists it, and names the contacts it fits", async () => {
    site.page("/bread", PAGE);
    await createContact(w.deps, w.alice, { firstName: "Rosa", interests: ["Sourdough"] });
    await kith("contacts", "add", "--first", "Ken", "--tag", "baking");
    const added = await local("article", "add", site.url("/bread"), "--note", "for Rosa", "--tag", "food");
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^saved The sourdough revival \((id-\d+)\)$/m);
    expect(added.stdout).toMatch(/^status +fetched$/m);
    const id = /\((id-\d+)\)/.exec(added.stdout)![1]!;
    expect((await kith("articles")).stdout).toMatch(new RegExp(`^${id} +fetched +The sourdough revival +http`, "m"));
    expect((await kith("article", "matches", id)).stdout).toMatch(
      /^ID +NAME +WHY\nid-\d+ +Rosa +interested in Sourdough\nid-\d+ +Ken +tagged baking\n$/,
    );
  });

  it("refuses a private address on add, naming the URL, with the default strict fetcher", async () => {
    const refused = await kith("article", "add", site.url("/bread"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: url: URL 127\.0\.0\.1 is not a public address \(loopback\)/);
    expect(site.requests).toHaveLength(0);
    expect((await kith("articles")).stdout).toBe("no articles: save one with kith article add URL\n");
  });
});

describe("kith article over HTTP", () => {
  const site = useArticleServer();
  const { kith } = useCliServer("sqlite", { env: { KITH_TEST_ALLOW_LOOPBACK_FETCH: "1" } });

  it("saves through the API and follows the server's fetch", async () => {
    site.page("/bread", PAGE);
    const added = await kith("article", "add", site.url("/bread"));
    expect(added.stdout).toMatch(/^status +fetched$/m);
    expect((await kith("articles", "--json")).stdout).toContain('"title": "The sourdough revival"');
  });
});
