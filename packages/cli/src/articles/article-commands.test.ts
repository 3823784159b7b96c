import { createContact, listInteractions, saveMemberSmtp } from "@kith/core";
import { createArticleFetcher, loadConfig, openSending } from "@kith/runtime";
import { useArticleServer } from "@kith/runtime/testing/article-server";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { runCaptured } from "../testing/cli-harness.ts";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

const PAGE = `<html><head><title>The sourdough revival</title></head><body><article><p>${"Sourdough baking came back in every city. ".repeat(8)}</p></article></body></html>`;

describe.each(DIALECTS)("kith article on %s (in-process)", (dialect) => {
  const site = useArticleServer();
  const sink = useSmtpSink({ users: { ada: "app-password-0123" } });
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

  it("shares an article with a contact: prints the draft, or sends it with --send and logs the touch", async () => {
    site.page("/bread", PAGE);
    const zoe = await createContact(w.deps, w.alice, {
      ...{ firstName: "Zoë", lastName: "Ørsted 🍞", interests: ["Sourdough"] },
      emails: [{ address: "zoë@exämple.com" }],
    });
    const added = await local("article", "add", site.url("/bread"));
    const id = /\((id-\d+)\)/.exec(added.stdout)![1]!;

    const printed = await local("article", "share", "sourdough", "zoë");
    expect(printed.stderr).toBe("");
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^To Zoë Ørsted 🍞 · /);
    expect(printed.stdout).toContain("Thought of you: The sourdough revival");
    expect(printed.stdout).toMatch(/^ {2}Hi Zoë,$/m);
    expect(printed.stdout).toContain(site.url("/bread"));
    expect(printed.stdout).toContain(`kith sent ${zoe.id}`);
    expect((await local("article", "share", "no-such-article", "zoë")).stderr).toMatch(
      /article no-such-article was not found/,
    );

    const config = loadConfig({ KITH_DATA_DIR: "/nonexistent-kith-test", KITH_AUTH_SECRET: "y".repeat(40) });
    const sending = openSending(config, w.deps);
    await saveMemberSmtp(sending, w.alice, {
      ...{ host: "127.0.0.1", port: sink.port, security: "none", user: "ada", password: "app-password-0123" },
      ...{ fromName: "Ada", fromAddress: "ada@example.com" },
    });
    const client = createLocalClient(w.deps, w.alice, undefined, null, null, sending);
    const sent = await runCaptured(["article", "share", id, zoe.id, "--send", "--key", "share-zoe-1"], { client });
    expect(sent.stderr).toBe("");
    expect(sent.stdout).toMatch(
      /^sent "Thought of you: The sourdough revival" to Zoë Ørsted 🍞 and logged \(id-\d+\)\n$/,
    );
    await sink.waitFor(1);
    expect(sink.messages[0]?.text).toContain(site.url("/bread"));
    const again = await runCaptured(["article", "share", id, zoe.id, "--send", "--key", "share-zoe-1"], { client });
    expect(again.code).toBe(0);
    expect(sink.messages).toHaveLength(1);
    const logged = await listInteractions(w.deps, w.alice, { contactId: zoe.id }, {});
    expect(logged.items.map((i) => [i.kind, i.direction, i.summary])).toEqual([
      ["email", "outbound", "Thought of you: The sourdough revival"],
    ]);
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
