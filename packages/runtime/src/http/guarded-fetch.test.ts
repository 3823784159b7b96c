import { describe, expect, it } from "vitest";
import { useArticleServer } from "../testing/article-server.ts";
import { TargetRefused } from "./address-check.ts";
import { createGuardedFetcher, PAGE_CONTENT_TYPES } from "./guarded-fetch.ts";

const PAGE = "<html><head><title>Hello</title></head><body><p>Words</p></body></html>";

describe("the guarded fetcher on a loopback server (test-only setting)", () => {
  const server = useArticleServer();
  const local = createGuardedFetcher({ allowLoopbackForTests: true, contentTypes: PAGE_CONTENT_TYPES });

  it("refuses the loopback server without the test-only setting, sending nothing", async () => {
    server.page("/a", PAGE);
    const strict = createGuardedFetcher({ contentTypes: PAGE_CONTENT_TYPES });
    await expect(strict.fetch({ url: server.url("/a") })).rejects.toThrow(/127\.0\.0\.1 is not a public address/);
    expect(server.requests).toHaveLength(0);
  });

  it("the test-only setting lets loopback through and nothing else private", async () => {
    const dns = async () => [{ address: "10.0.0.7", family: 4 as const }];
    const onlyLoopback = createGuardedFetcher({ allowLoopbackForTests: true, resolve: dns });
    expect(await onlyLoopback.refusal("http://intranet.example/")).toMatch(/is not a public address \(private\)/);
    expect(await onlyLoopback.refusal("http://192.168.1.1/")).toMatch(/is not a public address/);
    expect(await onlyLoopback.refusal(server.url("/a"))).toBeNull();
  });

  it("reads a page with its media type and charset", async () => {
    server.page("/a", PAGE);
    const answer = await local.fetch({ url: server.url("/a") });
    expect(answer).toMatchObject({ status: 200, mediaType: "text/html", charset: "utf-8", truncated: false });
    expect(answer.body.toString("utf8")).toBe(PAGE);
  });

  it("follows five redirects, each checked, and refuses the sixth", async () => {
    for (let i = 0; i < 6; i += 1) server.redirect(`/r${i}`, `/r${i + 1}`);
    server.page("/r6", PAGE);
    server.redirect("/s0", "/r2", 301);
    const five = await local.fetch({ url: server.url("/s0") });
    expect(five.url).toBe(server.url("/r6"));
    await expect(local.fetch({ url: server.url("/r0") })).rejects.toThrow("more than 5 redirects");
  });

  it("stops reading at the byte limit and keeps what came", async () => {
    server.page("/big", `<html><body>${"x".repeat(50_000)}</body></html>`);
    const small = createGuardedFetcher({ allowLoopbackForTests: true, maxBytes: 1000 });
    const answer = await small.fetch({ url: server.url("/big") });
    expect(answer.truncated).toBe(true);
    expect(answer.body.length).toBe(1000);
  });

  it("refuses media types that are not pages, without reading them", async () => {
    server.serve("/img", { headers: { "content-type": "image/png" }, body: Buffer.alloc(10) });
    server.serve("/json", { headers: { "content-type": "application/json" }, body: "{}" });
    await expect(local.fetch({ url: server.url("/img") })).rejects.toThrow(/answered with image\/png/);
    await expect(local.fetch({ url: server.url("/json") })).rejects.toThrow(TargetRefused);
    server.serve("/txt", { headers: { "content-type": "text/plain" }, body: "plain" });
    expect((await local.fetch({ url: server.url("/txt") })).body.toString()).toBe("plain");
  });

  it("gives up when the whole exchange takes longer than its limit (not a refusal: it may pass later)", async () => {
    server.serve("/slow", { body: PAGE, holdMs: 1000 });
    const quick = createGuardedFetcher({ allowLoopbackForTests: true, timeoutMs: 150 });
    const failure = await quick.fetch({ url: server.url("/slow") }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(TargetRefused);
    expect((failure as Error).message).toBe("no answer within 150 ms");
  });

  it("answers a redirect itself when redirects are off (webhooks)", async () => {
    server.redirect("/moved", "/elsewhere");
    const none = createGuardedFetcher({ allowLoopbackForTests: true, maxRedirects: 0 });
    expect(await none.fetch({ url: server.url("/moved") })).toMatchObject({ status: 302 });
    expect(server.requests.map((r) => r.url)).toEqual(["/moved"]);
  });
});
