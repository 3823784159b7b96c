import { type DigestDeps, runDigestTick, runRetrySweep } from "@kith/core";
import { openDelivery } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { useWebhookReceiver } from "@kith/runtime/testing/webhook-receiver";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../../testing/test-server.ts";

// 08:00 in New York on the 3rd; 07:00 there the next morning (before that day's digest).
const AT_8 = "2026-11-03T13:00:00.000Z";
const NEXT_MORNING = "2026-11-04T12:00:00.000Z";

describe.each(DIALECTS)("the retry sweep on %s", (dialect) => {
  const sink = useSmtpSink();
  const receiver = useWebhookReceiver();
  const s = useTestServer(dialect, { env: () => ({ ...sink.env(), KITH_WEBHOOK_ALLOW_PRIVATE: "true" }) });
  /** Sign-up sends other mail (address verification): only the digests count here. */
  const digestMails = () => sink.messages.filter((m) => m.messageId?.startsWith("<digest-email."));
  let jobs: DigestDeps & { mailer: { close(): void } | null };
  beforeEach(() => {
    jobs = openDelivery(s.config, s.deps).digest as typeof jobs;
  });
  afterEach(() => {
    jobs.mailer?.close();
  });

  async function world() {
    const alice = await signUp(s, "Alice", "alice@example.com");
    await alice.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa" })).json();
    await alice.call("POST", "/api/follow-ups", { contactId: rosa.id, dueOn: "2026-11-03", title: "Call" });
    const hook = (await alice.call("POST", "/api/notify/webhooks", { url: receiver.url() })).json();
    return { alice, hook: hook as { id: string } };
  }
  const row = async (kind: string, period: string) =>
    s.db.db.selectFrom("delivery").selectAll().where("kind", "=", kind).where("period", "=", period).executeTakeFirst();

  it("retries a webhook and an email still pending after their period ended, for the period they belong to", async () => {
    const { hook } = await world();
    receiver.answerNext(503);
    await sink.stop();
    s.clock.set(AT_8);
    expect(await runDigestTick(jobs)).toMatchObject({ due: 1, pending: 2 });
    await sink.start();
    s.clock.set(NEXT_MORNING);
    // The tick only looks at the current period, and today's has not come yet.
    expect(await runDigestTick(jobs)).toMatchObject({ due: 0 });
    expect(receiver.requests).toHaveLength(1);
    expect(digestMails()).toHaveLength(0);

    expect(await runRetrySweep(jobs)).toMatchObject({ due: 2, sent: 2 });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.headers["x-kith-delivery"]).toBe(`digest-webhook:${hook.id}/2026-11-03`);
    expect(JSON.parse(receiver.requests[1]?.body ?? "")).toMatchObject({ period: "2026-11-03" });
    expect(digestMails()).toHaveLength(1);
    expect(digestMails()[0]?.messageId).toContain("2026-11-03");
    expect(await row(`digest-webhook:${hook.id}`, "2026-11-03")).toMatchObject({ status: "sent", attempts: 2 });
    expect(await row("digest-email", "2026-11-03")).toMatchObject({ status: "sent", attempts: 2 });
    expect(await runRetrySweep(jobs)).toMatchObject({ due: 0 });
  });

  it("takes over a crashed instance's claim once its lease lapses", async () => {
    const { alice, hook } = await world();
    const account = (await alice.call("GET", "/api/account")).json();
    const key = { accountId: account.id, kind: `digest-webhook:${hook.id}`, period: "2026-11-03" };
    await s.deps.store.deliveries.claim(key, "crashed", AT_8, "2026-11-03T13:02:00.000Z");
    s.clock.set("2026-11-03T13:01:00.000Z");
    expect(await runRetrySweep(jobs)).toMatchObject({ due: 0 });
    s.clock.set("2026-11-03T13:02:00.000Z");
    expect(await runRetrySweep(jobs)).toMatchObject({ due: 1, sent: 1 });
    expect(receiver.requests).toHaveLength(1);
    expect(await row(key.kind, key.period)).toMatchObject({ status: "sent", attempts: 2, lease_owner: null });
  });

  it("gives up, saying why, when a day has passed, the webhook was removed, or the digest was turned off", async () => {
    const { alice, hook } = await world();
    receiver.answerNext(503);
    await sink.stop();
    s.clock.set(AT_8);
    await runDigestTick(jobs);
    await sink.start();
    // A day and an hour later: too late to matter, today's digest has gone out instead.
    s.clock.set("2026-11-04T14:00:00.000Z");
    expect(await runRetrySweep(jobs)).toMatchObject({ due: 2, failed: 2 });
    expect(await row("digest-email", "2026-11-03")).toMatchObject({
      status: "failed",
      last_error: "not delivered within a day of its first attempt; newer digests supersede it",
    });
    expect(receiver.requests).toHaveLength(1);

    receiver.answerNext(503);
    expect(await runDigestTick(jobs)).toMatchObject({ sent: 1, pending: 1 });
    await alice.call("DELETE", `/api/notify/webhooks/${hook.id}`);
    s.clock.set("2026-11-04T14:05:00.000Z");
    expect(await runRetrySweep(jobs)).toMatchObject({ due: 1, failed: 1 });
    expect((await row(`digest-webhook:${hook.id}`, "2026-11-04"))?.last_error).toBe("the webhook was removed");

    const second = (await alice.call("POST", "/api/notify/webhooks", { url: receiver.url("/2") })).json();
    receiver.answerNext(503);
    expect(await runDigestTick(jobs)).toMatchObject({ pending: 1 });
    await alice.call("PATCH", "/api/notify/settings", { digest: "off" });
    s.clock.set("2026-11-04T14:10:00.000Z");
    expect(await runRetrySweep(jobs)).toMatchObject({ due: 1, failed: 1 });
    expect((await row(`digest-webhook:${second.id}`, "2026-11-04"))?.last_error).toBe(
      "the digest was turned off before it could be delivered",
    );
  });
});
