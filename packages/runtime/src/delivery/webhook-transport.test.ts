import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { WebhookRequest } from "@kith/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nonPublicRange, type Resolver } from "../http/address-check.ts";
import { useWebhookReceiver, verifySignature, WebhookReceiver } from "../testing/webhook-receiver.ts";
import { createWebhookTransport } from "./webhook-transport.ts";

const SENT_AT = "2026-11-03T13:00:00.000Z";
const request = (url: string, body = '{"hello":"world"}'): WebhookRequest => ({
  url,
  body,
  secret: "whsec_test",
  event: "digest",
  deliveryId: "digest-webhook:w1/2026-11-03",
  sentAt: SENT_AT,
});

/** Names without DNS: each host maps to the addresses given; every call is counted. */
function fakeDns(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: Resolver = async (host) => {
    calls.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, calls };
}

describe("address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["::7f00:1", "IPv4-compatible"],
  ])("%s is refused (%s)", (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(nonPublicRange(address)).toBeNull();
  });
});

describe("webhook targets at save time", () => {
  const dns = fakeDns({ "intranet.example": ["10.0.0.5"], "mixed.example": ["8.8.8.8", "127.0.0.1"] });
  const strict = createWebhookTransport({ allowPrivate: false, timeoutMs: 1000, resolve: dns.resolve });

  it.each([
    "http://127.0.0.1:9/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://2130706433/hook",
    "http://0x7f.1/hook",
    "http://10.0.0.1/hook",
    "https://169.254.169.254/latest/meta-data",
    "http://[fd00::1]/hook",
    "http://intranet.example/hook",
    "http://mixed.example/hook",
  ])("refuses %s without the administrator's permission", async (url) => {
    expect(await strict.refusal(url)).toMatch(/is not a public address .*KITH_WEBHOOK_ALLOW_PRIVATE=true/);
  });

  it("names the host and what it resolved to, and refuses names that do not resolve or other schemes", async () => {
    expect(await strict.refusal("http://intranet.example/x")).toBe(
      "10.0.0.5 (intranet.example resolves to 10.0.0.5) is not a public address (private); " +
        "an administrator can allow these with KITH_WEBHOOK_ALLOW_PRIVATE=true",
    );
    expect(await strict.refusal("http://nowhere.example/x")).toMatch(/^nowhere\.example cannot be resolved/);
    expect(await strict.refusal("ftp://8.8.8.8/x")).toBe("must be an http:// or https:// URL");
  });

  it("refuses localhost through the system resolver, and accepts public addresses", async () => {
    const system = createWebhookTransport({ allowPrivate: false, timeoutMs: 1000 });
    expect(await system.refusal("http://localhost:8080/hook")).toMatch(/is not a public address \(loopback\)/);
    expect(await strict.refusal("https://8.8.8.8/hook")).toBeNull();
    expect(await strict.refusal("https://[2606:4700:4700::1111]/hook")).toBeNull();
  });

  it("allows private and loopback targets when the administrator says so", async () => {
    const open = createWebhookTransport({ allowPrivate: true, timeoutMs: 1000, resolve: dns.resolve });
    expect(await open.refusal("http://127.0.0.1:9/hook")).toBeNull();
    expect(await open.refusal("http://intranet.example/hook")).toBeNull();
  });
});

describe("webhook requests on a real receiver", () => {
  const receiver = useWebhookReceiver();
  const allowed = createWebhookTransport({ allowPrivate: true, timeoutMs: 2000 });

  it("posts the body as JSON, signed with the secret over `<t>.<body>`, with event and delivery headers", async () => {
    const body = JSON.stringify({ event: "digest", items: [{ name: "Rosa Díaz" }] });
    expect(await allowed.post(request(receiver.url("/hook?x=1"), body))).toEqual({ ok: true, status: 200 });
    const [got] = receiver.requests;
    expect(got).toMatchObject({ method: "POST", url: "/hook?x=1", body });
    expect(got?.headers).toMatchObject({
      "content-type": "application/json",
      "x-kith-event": "digest",
      "x-kith-delivery": "digest-webhook:w1/2026-11-03",
      "user-agent": "Kith-Webhook/1",
    });
    expect(verifySignature(got?.headers["x-kith-signature"], body, "whsec_test")).toBe(Date.parse(SENT_AT) / 1000);
    expect(verifySignature(got?.headers["x-kith-signature"], body, "another-secret")).toBeNull();
    expect(verifySignature(got?.headers["x-kith-signature"], `${body} `, "whsec_test")).toBeNull();
  });

  it("refuses the loopback receiver at send time without the permission, sending nothing", async () => {
    const strict = createWebhookTransport({ allowPrivate: false, timeoutMs: 2000 });
    const outcome = await strict.post(request(receiver.url()));
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(outcome.ok ? "" : outcome.error).toMatch(/127\.0\.0\.1 is not a public address \(loopback\)/);
    expect(receiver.requests).toHaveLength(0);
  });

  it("retries after 5xx, 429 and 408; gives up on other 4xx; never follows a redirect", async () => {
    receiver.answerNext(503, 429, 408, 404, { status: 301, headers: { location: receiver.url("/elsewhere") } });
    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await allowed.post(request(receiver.url())));
    expect(outcomes.map((o) => (o.ok ? "ok" : o.retryable))).toEqual([true, true, true, false, false]);
    expect(outcomes[0]).toMatchObject({ error: "answered 503: status 503 from the receiver" });
    expect(outcomes[4]).toMatchObject({ error: "answered 301: redirects are not followed; use the final URL" });
    expect(receiver.requests.map((r) => r.url)).toEqual(["/hook", "/hook", "/hook", "/hook", "/hook"]);
  });

  it("gives up on a receiver that does not answer in time, and on a closed port, as retryable", async () => {
    receiver.hold(1000);
    const quick = createWebhookTransport({ allowPrivate: true, timeoutMs: 150 });
    expect(await quick.post(request(receiver.url()))).toEqual({
      ok: false,
      retryable: true,
      error: "no answer within 150 ms",
    });
    const closed = receiver.url();
    await receiver.stop();
    const refused = await allowed.post(request(closed));
    expect(refused).toMatchObject({ ok: false, retryable: true });
    expect(refused.ok ? "" : refused.error).toMatch(/ECONNREFUSED/);
  });

  it("gives up on a lookup that hangs, within the same time limit", async () => {
    const hanging = createWebhookTransport({
      allowPrivate: false,
      timeoutMs: 100,
      resolve: () => new Promise(() => {}),
    });
    expect(await hanging.post(request("http://slow.example/x"))).toEqual({
      ok: false,
      retryable: true,
      error: "slow.example cannot be resolved (the lookup took longer than 100 ms)",
    });
    expect(await hanging.refusal("http://slow.example/x")).toBe(
      "slow.example cannot be resolved (the lookup took longer than 100 ms)",
    );
  });

  it("connects to the address it checked, resolving once, with the URL's own Host header", async () => {
    const dns = fakeDns({ "hooks.example": ["127.0.0.1"] });
    const transport = createWebhookTransport({ allowPrivate: true, timeoutMs: 2000, resolve: dns.resolve });
    const url = `http://hooks.example:${receiver.port}/in`;
    expect(await transport.post(request(url))).toEqual({ ok: true, status: 200 });
    expect(dns.calls).toEqual(["hooks.example"]);
    expect(receiver.requests[0]?.headers.host).toBe(`hooks.example:${receiver.port}`);
  });
});

describe("webhook requests over https", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kith-tls-"));
  let tls: { key: string; cert: string };
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
        ...["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"), "-days", "2"],
        ...["-subj", "/CN=hooks.example", "-addext", "subjectAltName=DNS:hooks.example"],
      ],
      { stdio: "ignore" },
    );
    tls = {
      key: readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
    receiver = await new WebhookReceiver().start(tls);
  });
  afterAll(async () => {
    await receiver.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends the host name as SNI and verifies the certificate against it, while connecting to the checked IP", async () => {
    const dns = fakeDns({ "hooks.example": ["127.0.0.1"] });
    const transport = createWebhookTransport({
      allowPrivate: true,
      timeoutMs: 2000,
      resolve: dns.resolve,
      ca: tls.cert,
    });
    expect(await transport.post(request(`https://hooks.example:${receiver.port}/tls`))).toEqual({
      ok: true,
      status: 200,
    });
    expect(receiver.requests.at(-1)).toMatchObject({ url: "/tls", servername: "hooks.example" });
    // The same receiver under another name: the certificate does not match, so nothing is sent.
    const other = createWebhookTransport({
      allowPrivate: true,
      timeoutMs: 2000,
      resolve: fakeDns({ "other.example": ["127.0.0.1"] }).resolve,
      ca: tls.cert,
    });
    const before = receiver.requests.length;
    const mismatch = await other.post(request(`https://other.example:${receiver.port}/tls`));
    expect(mismatch.ok ? "" : mismatch.error).toMatch(/altnames|Hostname/i);
    expect(receiver.requests).toHaveLength(before);
  });
});
