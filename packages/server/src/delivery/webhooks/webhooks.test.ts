import { kithWebhookPayloadSchema, runDigestTick } from "@kith/core";
import { openDelivery } from "@kith/runtime";
import { useWebhookReceiver, verifySignature } from "@kith/runtime/testing/webhook-receiver";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, openTestServer, signUp, TEST_ORIGIN, useTestServer } from "../../testing/test-server.ts";

// New York is UTC-5 in November: 08:00 local is 13:00Z.
const AT_8 = "2026-11-03T13:00:00.000Z";
const ALLOW = { KITH_WEBHOOK_ALLOW_PRIVATE: "true" };

describe.each(DIALECTS)("webhooks on %s", (dialect) => {
  const receiver = useWebhookReceiver();
  // No SMTP: webhooks need none.
  const s = useTestServer(dialect, { env: ALLOW });

  /** Alice in New York with Rosa due on the 3rd. */
  async function world() {
    const alice = await signUp(s, "Alice", "alice@example.com");
    await alice.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa", lastName: "Diaz" })).json();
    await alice.call("POST", "/api/follow-ups", {
      contactId: rosa.id,
      dueOn: "2026-11-03",
      title: "Ask about the studio",
    });
    return { alice, rosaId: rosa.id as string };
  }
  const tick = () => runDigestTick(openDelivery(s.config, s.deps).digest);

  it("owners add, list and remove webhooks; the secret is shown once; other members see origins only", async () => {
    const { alice } = await world();
    const created = await alice.call("POST", "/api/notify/webhooks", { url: receiver.url("/k?token=abc") });
    expect(created.statusCode).toBe(201);
    const hook = created.json();
    expect(hook).toMatchObject({ url: receiver.url("/k?token=abc"), format: "kith", lastDelivery: null });
    expect(hook.secret).toMatch(/^whsec_/);
    const listed = (await alice.call("GET", "/api/notify/webhooks")).json();
    expect(listed.items).toEqual([
      { id: hook.id, url: hook.url, format: "kith", createdAt: hook.createdAt, lastDelivery: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(hook.secret);

    const coach = await signUp(s, "Coach", "coach@example.com");
    await addMember(alice.call, coach.call, "coach@example.com", "editor");
    const account = (await alice.call("GET", "/api/account")).json();
    const asEditor = { "x-kith-account": account.id };
    const seen = (await coach.call("GET", "/api/notify/webhooks", undefined, asEditor)).json();
    expect(seen.items).toMatchObject([{ id: hook.id, url: `http://127.0.0.1:${receiver.port}/…` }]);
    const denied = await coach.call("POST", "/api/notify/webhooks", { url: receiver.url() }, asEditor);
    expect(denied.statusCode).toBe(403);
    expect((await coach.call("DELETE", `/api/notify/webhooks/${hook.id}`, undefined, asEditor)).statusCode).toBe(403);
    expect((await coach.call("POST", `/api/notify/webhooks/${hook.id}/test`, undefined, asEditor)).statusCode).toBe(
      403,
    );

    expect((await alice.call("DELETE", `/api/notify/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await alice.call("DELETE", `/api/notify/webhooks/${hook.id}`)).statusCode).toBe(404);
    expect((await alice.call("GET", "/api/notify/webhooks")).json().items).toEqual([]);
  });

  it("validates the input, naming the field, and caps the number of webhooks", async () => {
    const { alice } = await world();
    const bad = await alice.call("POST", "/api/notify/webhooks", { url: "https://ntfy.sh/", format: "ntfy" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ path: "url" }]);
    expect((await alice.call("POST", "/api/notify/webhooks", { url: "gopher://x" })).json().errors).toMatchObject([
      { path: "url" },
    ]);
    for (let i = 0; i < 10; i += 1) {
      expect((await alice.call("POST", "/api/notify/webhooks", { url: receiver.url(`/${i}`) })).statusCode).toBe(201);
    }
    const eleventh = await alice.call("POST", "/api/notify/webhooks", { url: receiver.url("/10") });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().detail).toContain("at most 10 webhooks");
  });

  it("delivers the digest at 08:00 to each webhook once, in Kith's format and ntfy's, signed, without SMTP", async () => {
    const { alice, rosaId } = await world();
    const kith = (await alice.call("POST", "/api/notify/webhooks", { url: receiver.url("/kith") })).json();
    const ntfyUrl = `http://127.0.0.1:${receiver.port}/my-topic`;
    const ntfy = (await alice.call("POST", "/api/notify/webhooks", { url: ntfyUrl, format: "ntfy" })).json();
    s.clock.set("2026-11-03T12:59:00.000Z");
    expect(await tick()).toMatchObject({ due: 0 });
    s.clock.set(AT_8);
    expect(await tick()).toMatchObject({ due: 1, sent: 2 });
    expect(await tick()).toMatchObject({ due: 1, sent: 0, busy: 2 });
    expect(receiver.requests).toHaveLength(2);

    const [first, second] = receiver.requests;
    expect(first?.url).toBe("/kith");
    expect(first?.headers).toMatchObject({
      "x-kith-event": "digest",
      "x-kith-delivery": `digest-webhook:${kith.id}/2026-11-03`,
    });
    expect(verifySignature(first?.headers["x-kith-signature"], first?.body ?? "", kith.secret)).toBe(
      Date.parse(AT_8) / 1000,
    );
    const body = kithWebhookPayloadSchema.parse(JSON.parse(first?.body ?? ""));
    expect(body).toMatchObject({
      event: "digest",
      period: "2026-11-03",
      title: "Kith: follow up with Rosa Diaz today",
    });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      contact: { id: rosaId, displayName: "Rosa Diaz" },
      reason: { kind: "follow-up-due" },
      draft: {
        templateId: "default:follow-up",
        subject: "Following up",
        body: "Hi Rosa,\n\nI wanted to follow up. Next on my list: Ask about the studio.\n\nDo you have a moment this week to pick it up?\n\nBest,\nAlice",
      },
    });
    expect(body.items[0]?.links.done).toMatch(new RegExp(`^${TEST_ORIGIN}/act\\?token=`));

    // ntfy: posted to the server root, the topic in the body.
    expect(second?.url).toBe("/");
    expect(verifySignature(second?.headers["x-kith-signature"], second?.body ?? "", ntfy.secret)).not.toBeNull();
    const published = JSON.parse(second?.body ?? "");
    expect(published).toMatchObject({
      topic: "my-topic",
      title: "Kith: follow up with Rosa Diaz today",
      click: `${TEST_ORIGIN}/`,
      priority: 3,
    });
    expect(published.actions.map((a: { label: string }) => a.label)).toEqual([
      "Open Kith",
      "Done: Rosa Diaz",
      "Snooze a week",
    ]);
    // The done link works: it opens the confirmation page.
    const act = await s.app.inject({ method: "GET", url: published.actions[1].url.slice(TEST_ORIGIN.length) });
    expect(act.statusCode).toBe(200);

    const status = (await alice.call("GET", "/api/notify/status")).json();
    expect(status.emailConfigured).toBe(false);
    expect(status.recent.map((d: { kind: string }) => d.kind).sort()).toEqual(
      [`digest-webhook:${kith.id}`, `digest-webhook:${ntfy.id}`].sort(),
    );
    const listed = (await alice.call("GET", "/api/notify/webhooks")).json().items;
    expect(listed[0].lastDelivery).toMatchObject({ kind: `digest-webhook:${kith.id}`, status: "sent", attempts: 1 });
  });

  it("sends nothing when nothing is due (skipped), and nothing for accounts whose digest is off", async () => {
    const bob = await signUp(s, "Bob", "bob@example.com");
    await bob.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    await bob.call("POST", "/api/notify/webhooks", { url: receiver.url() });
    s.clock.set(AT_8);
    expect(await tick()).toMatchObject({ due: 1, skipped: 1 });
    await bob.call("PATCH", "/api/notify/settings", { digest: "off" });
    s.clock.set("2026-11-04T13:00:00.000Z");
    expect(await tick()).toMatchObject({ due: 0 });
    expect(receiver.requests).toHaveLength(0);
  });

  it("retries after a 503 with the shared backoff, then delivers once", async () => {
    const { alice } = await world();
    const hook = (await alice.call("POST", "/api/notify/webhooks", { url: receiver.url() })).json();
    receiver.answerNext(503);
    s.clock.set(AT_8);
    expect(await tick()).toMatchObject({ pending: 1 });
    const listed = (await alice.call("GET", "/api/notify/webhooks")).json().items[0];
    expect(listed.lastDelivery).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: "2026-11-03T13:01:00.000Z",
      lastError: "answered 503: status 503 from the receiver",
      kind: `digest-webhook:${hook.id}`,
    });
    s.clock.set("2026-11-03T13:00:30.000Z");
    expect(await tick()).toMatchObject({ busy: 1 });
    expect(receiver.requests).toHaveLength(1);
    s.clock.set("2026-11-03T13:01:00.000Z");
    expect(await tick()).toMatchObject({ sent: 1 });
    expect(await tick()).toMatchObject({ sent: 0, busy: 1 });
    expect(receiver.requests).toHaveLength(2);
    // The retry is the same delivery: same id, a fresh signature.
    expect(receiver.requests[1]?.headers["x-kith-delivery"]).toBe(receiver.requests[0]?.headers["x-kith-delivery"]);
    expect(
      verifySignature(receiver.requests[1]?.headers["x-kith-signature"], receiver.requests[1]?.body ?? "", hook.secret),
    ).toBe(Date.parse("2026-11-03T13:01:00.000Z") / 1000);
    expect((await alice.call("GET", "/api/notify/webhooks")).json().items[0].lastDelivery).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
    });
  });

  it("a 4xx other than 429 fails the delivery at once: no retries", async () => {
    const { alice } = await world();
    await alice.call("POST", "/api/notify/webhooks", { url: receiver.url() });
    receiver.answerNext(410);
    s.clock.set(AT_8);
    expect(await tick()).toMatchObject({ failed: 1 });
    s.clock.set("2026-11-03T14:00:00.000Z");
    expect(await tick()).toMatchObject({ busy: 1 });
    expect(receiver.requests).toHaveLength(1);
    expect((await alice.call("GET", "/api/notify/webhooks")).json().items[0].lastDelivery).toMatchObject({
      status: "failed",
      nextAttemptAt: null,
      lastError: "answered 410: status 410 from the receiver",
    });
  });

  it("sends a test to one webhook now: today's list as a test event, its outcome shown", async () => {
    const { alice } = await world();
    const hook = (await alice.call("POST", "/api/notify/webhooks", { url: receiver.url() })).json();
    s.clock.set(AT_8);
    const res = await alice.call("POST", `/api/notify/webhooks/${hook.id}/test`);
    expect(res.json()).toEqual({ status: "sent", error: null });
    expect(receiver.requests[0]?.headers["x-kith-event"]).toBe("test");
    expect(JSON.parse(receiver.requests[0]?.body ?? "")).toMatchObject({
      event: "test",
      title: "Kith: follow up with Rosa Diaz today (test)",
    });
    receiver.answerNext(500);
    expect((await alice.call("POST", `/api/notify/webhooks/${hook.id}/test`)).json()).toEqual({
      status: "failed",
      error: "answered 500: status 500 from the receiver",
    });
    expect((await alice.call("POST", "/api/notify/webhooks/nope/test")).statusCode).toBe(404);
    expect((await alice.call("GET", "/api/notify/webhooks")).json().items[0].lastDelivery).toMatchObject({
      kind: `test-webhook:${hook.id}`,
      status: "failed",
    });
  });
});

describe.each(DIALECTS)("webhook targets without KITH_WEBHOOK_ALLOW_PRIVATE on %s", (dialect) => {
  const receiver = useWebhookReceiver();

  it("refuses private and loopback targets when saved", async () => {
    const s = await openTestServer(dialect);
    try {
      const alice = await signUp(s, "Alice", "alice@example.com");
      for (const url of [receiver.url(), "http://[::1]:9/x", "http://192.168.1.10/x", "http://localhost:9/x"]) {
        const res = await alice.call("POST", "/api/notify/webhooks", { url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().errors[0]).toMatchObject({ path: "url" });
        expect(res.json().detail).toContain("KITH_WEBHOOK_ALLOW_PRIVATE=true");
      }
      expect((await alice.call("GET", "/api/notify/webhooks")).json().items).toEqual([]);
    } finally {
      await s.dispose();
    }
  });

  it("refuses them again when sending: a webhook saved while allowed fails once the permission is gone", async () => {
    const s = await openTestServer(dialect, ALLOW);
    try {
      const alice = await signUp(s, "Alice", "alice@example.com");
      await alice.call("PATCH", "/api/account", { timeZone: "America/New_York" });
      const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa" })).json();
      await alice.call("POST", "/api/follow-ups", { contactId: rosa.id, dueOn: "2026-11-03", title: "Call" });
      await alice.call("POST", "/api/notify/webhooks", { url: receiver.url() });
      const strict = openDelivery({ ...s.config, webhooks: { allowPrivate: false } }, s.deps).digest;
      s.clock.set(AT_8);
      expect(await runDigestTick(strict)).toMatchObject({ failed: 1 });
      expect(receiver.requests).toHaveLength(0);
      expect((await alice.call("GET", "/api/notify/webhooks")).json().items[0].lastDelivery.lastError).toMatch(
        /^127\.0\.0\.1 is not a public address \(loopback\)/,
      );
    } finally {
      await s.dispose();
    }
  });
});
