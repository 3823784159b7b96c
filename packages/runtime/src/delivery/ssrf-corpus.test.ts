import type { WebhookRequest } from "@kith/core";
import { describe, expect, it } from "vitest";
import { type Resolver, TargetRefused } from "../http/address-check.ts";
import { createCalendarFetcher } from "../http/calendar-fetcher.ts";
import { createGuardedFetcher, PAGE_CONTENT_TYPES } from "../http/guarded-fetch.ts";
import { useWebhookReceiver } from "../testing/webhook-receiver.ts";
import { createWebhookTransport } from "./webhook-transport.ts";

/**
 * The standing SSRF suite (docs/RELIABILITY.md): every way we know of to spell "this machine" or "the private
 * network" in a URL, against the one guarded outbound HTTP path (the webhook transport). Each URL that names
 * loopback carries the port of a real receiver on 127.0.0.1, and a permissive transport first proves the URL does
 * reach it; the guarded transport must then refuse it at save time and at send time, and the receiver must have
 * seen nothing from it. A spelling the guard missed would arrive at the receiver and fail the test. The same
 * corpus, credentials in URLs and hostile redirects then run against the guarded fetcher the articles use, and
 * against the calendar fetcher that subscriptions use.
 */

/** URLs that reach the receiver at 127.0.0.1:PORT when nothing guards them. */
const LOOPBACK_SPELLINGS = [
  "http://127.0.0.1:PORT/",
  "http://127.1:PORT/",
  "http://127.0.1:PORT/",
  "http://2130706433:PORT/",
  "http://0x7f000001:PORT/",
  "http://0x7f.0x0.0x0.0x1:PORT/",
  "http://0177.0.0.1:PORT/",
  "http://017700000001:PORT/",
  "http://0x7f.1:PORT/",
  "http://127.0.0.1.:PORT/",
  "http://%31%32%37.0.0.1:PORT/",
  "http://１２７.０.０.１:PORT/",
  "http://127。0。0。1:PORT/",
  "http://0.0.0.0:PORT/",
  "http://0:PORT/",
  "http://[::ffff:127.0.0.1]:PORT/",
  "http://[::ffff:7f00:1]:PORT/",
  "http://[0:0:0:0:0:ffff:127.0.0.1]:PORT/",
  "http://localhost:PORT/",
  "http://LOCALHOST:PORT/",
  "HTTP://127.0.0.1:PORT/",
  "http://user:pass@127.0.0.1:PORT/",
  "http://8.8.8.8@127.0.0.1:PORT/",
  "http://8.8.8.8:80@127.0.0.1:PORT/",
  "http://127.0.0.1:PORT\\@8.8.8.8/",
  "http://127.0.0.1:PORT#@8.8.8.8/",
  "http://127.0.0.1:PORT?@8.8.8.8/",
  "http:\\\\127.0.0.1:PORT/",
  "http:/127.0.0.1:PORT/",
  "  http://127.0.0.1:PORT/  ",
  "http://\t127.0.0.1:PORT/",
  "http://loopback.test:PORT/",
  "http://loopback-first.test:PORT/",
  "http://127.0.0.1.nip.test:PORT/",
] as const;

/** URLs naming private, link-local or otherwise non-public places that have no receiver behind them here. */
const NON_PUBLIC = [
  "http://10.0.0.1/",
  "http://172.16.0.1/",
  "http://172.31.255.255/",
  "http://192.168.0.1/",
  "http://169.254.169.254/latest/meta-data/",
  "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
  "http://[fd00:ec2::254]/latest/meta-data/",
  "http://metadata.test/computeMetadata/v1/",
  "http://100.64.0.1/",
  "http://[::1]/",
  "http://[::]/",
  "http://[fe80::1]/",
  "http://[fc00::1]/",
  "http://[64:ff9b::a9fe:a9fe]/",
  "http://[2002:a9fe:a9fe::]/",
  "http://224.0.0.1/",
  "http://255.255.255.255/",
  "http://192.0.2.1/",
  "http://198.18.0.1/",
  "http://intranet.test/",
  "http://six-only.test/",
  "http://public-first.test/",
] as const;

/**
 * Spellings whose lookup depends on the machine's resolver (a trailing-dot localhost, an empty label): refused
 * either as non-public or as unresolvable, and nothing arrives.
 */
const RESOLVER_DEPENDENT = [
  "http://localhost.:PORT/",
  "http://localhost..:PORT/",
  "http://ip6-localhost:PORT/",
] as const;

/** Not http(s) at all: refused before any lookup. */
const OTHER_SCHEMES = [
  "file:///etc/passwd",
  "gopher://127.0.0.1:70/_GET",
  "ftp://8.8.8.8/x",
  "dict://127.0.0.1:11211/stat",
  "ws://127.0.0.1/",
  "javascript:alert(1)",
  "data:text/plain,hello",
  "ldap://127.0.0.1/",
  "//127.0.0.1/",
  "127.0.0.1",
] as const;

/** Names without DNS, for the cases a hostile resolver answers. */
const hostileDns: Resolver = async (host) => {
  const table: Record<string, string[]> = {
    "loopback.test": ["127.0.0.1"],
    "loopback-first.test": ["127.0.0.1", "8.8.8.8"],
    "public-first.test": ["8.8.8.8", "127.0.0.1"],
    "127.0.0.1.nip.test": ["127.0.0.1"],
    "metadata.test": ["169.254.169.254"],
    "intranet.test": ["10.1.2.3"],
    "six-only.test": ["fd12::1"],
  };
  const addresses = table[host];
  if (addresses) return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  const { systemResolver } = await import("../http/address-check.ts");
  return systemResolver(host);
};

const request = (url: string): WebhookRequest => ({
  url,
  body: '{"probe":true}',
  secret: "whsec_probe",
  event: "digest",
  deliveryId: "probe",
  sentAt: "2026-12-06T12:00:00.000Z",
});

describe("SSRF corpus against the guarded webhook transport", () => {
  const receiver = useWebhookReceiver();
  const guarded = createWebhookTransport({ allowPrivate: false, timeoutMs: 2000, resolve: hostileDns });

  it("holds at least 60 cases", () => {
    expect(
      LOOPBACK_SPELLINGS.length + NON_PUBLIC.length + RESOLVER_DEPENDENT.length + OTHER_SCHEMES.length,
    ).toBeGreaterThanOrEqual(60);
  });

  it.each(LOOPBACK_SPELLINGS)("refuses %j, which does reach this machine when unguarded", async (spelling) => {
    const url = spelling.replace("PORT", String(receiver.port));
    // The control: without the guard, this spelling arrives at the receiver (so the case can fail).
    const open = createWebhookTransport({ allowPrivate: true, timeoutMs: 2000, resolve: hostileDns });
    const normalised = new URL(url).href;
    expect(await open.post(request(normalised))).toMatchObject({ ok: true });
    expect(receiver.requests).toHaveLength(1);

    expect(await guarded.refusal(url)).toMatch(/is not a public address/);
    expect(await guarded.post(request(normalised))).toMatchObject({ ok: false, retryable: false });
    expect(receiver.requests).toHaveLength(1);
  });

  it.each(NON_PUBLIC)("refuses %j at save time and at send time", async (url) => {
    expect(await guarded.refusal(url)).toMatch(/is not a public address/);
    const outcome = await guarded.post(request(url));
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(outcome.ok ? "" : outcome.error).toMatch(/is not a public address/);
  });

  it.each(RESOLVER_DEPENDENT)("refuses %j whatever the resolver answers, sending nothing", async (spelling) => {
    const url = spelling.replace("PORT", String(receiver.port));
    expect(await guarded.refusal(url)).toMatch(/is not a public address|cannot be resolved/);
    expect(await guarded.post(request(url))).toMatchObject({ ok: false });
    expect(receiver.requests).toHaveLength(0);
  });

  it.each(OTHER_SCHEMES)("refuses %j as not an http(s) URL", async (url) => {
    expect(await guarded.refusal(url)).toBe("must be an http:// or https:// URL");
    expect(receiver.requests).toHaveLength(0);
  });
});

/** Credentials in the URL: the fetcher refuses them before any lookup, whatever the host. */
const WITH_CREDENTIALS = [
  "http://user:pass@example.com/",
  "https://user@example.com/",
  "http://:secret@8.8.8.8/",
  "http://8.8.8.8:80@example.com/",
] as const;

/** Where a hop on the test's own server redirects to: each must be refused before anything is sent there. */
const REDIRECT_TARGETS = [
  "http://169.254.169.254/latest/meta-data/",
  "http://[::ffff:169.254.169.254]/latest/meta-data/",
  "http://metadata.test/computeMetadata/v1/",
  "http://10.0.0.1/",
  "http://intranet.test/",
  "http://user:pass@example.com/",
  "file:///etc/passwd",
  "gopher://127.0.0.1:70/_GET",
  "data:text/html,<h1>hi</h1>",
] as const;

describe("SSRF corpus against the guarded fetcher (articles)", () => {
  const receiver = useWebhookReceiver();
  const strict = createGuardedFetcher({ timeoutMs: 2000, resolve: hostileDns, contentTypes: PAGE_CONTENT_TYPES });
  const refusedAs = /is not a public address|must not carry a user name or password|must be an http/;

  it("holds at least 30 cases", () => {
    const count = LOOPBACK_SPELLINGS.length + NON_PUBLIC.length + OTHER_SCHEMES.length + WITH_CREDENTIALS.length;
    expect(count + REDIRECT_TARGETS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(LOOPBACK_SPELLINGS)("refuses %j on save and on fetch, and nothing arrives", async (spelling) => {
    const url = spelling.replace("PORT", String(receiver.port));
    expect(await strict.refusal(url)).toMatch(refusedAs);
    await expect(strict.fetch({ url })).rejects.toThrow(TargetRefused);
    expect(receiver.requests).toHaveLength(0);
  });

  it.each([...NON_PUBLIC, ...OTHER_SCHEMES, ...WITH_CREDENTIALS])("refuses %j on save and on fetch", async (url) => {
    expect(await strict.refusal(url)).toMatch(refusedAs);
    await expect(strict.fetch({ url })).rejects.toThrow(TargetRefused);
  });

  it.each(REDIRECT_TARGETS)("refuses a redirect to %j, checked like the first hop", async (target) => {
    // The test-only setting lets the first hop reach the receiver on loopback; nothing else private passes.
    const local = createGuardedFetcher({ timeoutMs: 2000, resolve: hostileDns, allowLoopbackForTests: true });
    receiver.answerNext({ status: 302, headers: { location: target } });
    await expect(local.fetch({ url: receiver.url("/article") })).rejects.toThrow(refusedAs);
    expect(receiver.requests.map((r) => r.url)).toEqual(["/article"]);
  });
});

describe("SSRF corpus against the calendar fetcher (subscriptions)", () => {
  const receiver = useWebhookReceiver();
  const strict = createCalendarFetcher({ timeoutMs: 2000, resolve: hostileDns });
  const refusedAs = /is not a public address|must not carry a user name or password|must be an http/;

  it.each(LOOPBACK_SPELLINGS)("refuses %j on subscribe and on fetch, and nothing arrives", async (spelling) => {
    const url = spelling.replace("PORT", String(receiver.port));
    expect(await strict.refusal(url)).toMatch(refusedAs);
    expect(await strict.fetchCalendar(url)).toMatchObject({ ok: false, retryable: false });
    expect(receiver.requests).toHaveLength(0);
  });

  it.each([...NON_PUBLIC, ...OTHER_SCHEMES, ...WITH_CREDENTIALS])(
    "refuses %j on subscribe and on fetch",
    async (url) => {
      expect(await strict.refusal(url)).toMatch(refusedAs);
      const outcome = await strict.fetchCalendar(url);
      expect(outcome).toMatchObject({ ok: false, retryable: false });
      expect(outcome.ok ? "" : outcome.reason).toMatch(refusedAs);
    },
  );

  it.each(REDIRECT_TARGETS)("refuses a redirect to %j, checked like the first hop", async (target) => {
    const local = createCalendarFetcher({ timeoutMs: 2000, resolve: hostileDns, allowLoopbackForTests: true });
    receiver.answerNext({ status: 302, headers: { location: target } });
    const outcome = await local.fetchCalendar(receiver.url("/feed.ics"));
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(outcome.ok ? "" : outcome.reason).toMatch(refusedAs);
    expect(receiver.requests.map((r) => r.url)).toEqual(["/feed.ics"]);
  });
});
