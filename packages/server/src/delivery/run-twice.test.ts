import { deliverWebhookDigest, runDigestTick, runRetrySweep } from "@kith/core";
import { type DeliveryRuntime, openDelivery } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { useWebhookReceiver } from "@kith/runtime/testing/webhook-receiver";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

/** 08:00 in New York on the given November day. */
const at8 = (day: number) => `2026-11-${String(day).padStart(2, "0")}T13:00:00.000Z`;

/**
 * Every job runs twice, and at once on two "instances" (each its own lease name), and leaves the same state: the
 * same ledger, and exactly one mail and one request per (account, channel, period).
 */
describe.each(DIALECTS)("every delivery job runs twice on %s", (dialect) => {
  const sink = useSmtpSink();
  const receiver = useWebhookReceiver();
  const s = useTestServer(dialect, { env: () => ({ ...sink.env(), KITH_WEBHOOK_ALLOW_PRIVATE: "true" }) });
  /** Sign-up sends other mail (address verification): only the digests count here. */
  const digestMails = () => sink.messages.filter((m) => m.messageId?.startsWith("<digest-email."));
  let a: DeliveryRuntime["digest"];
  let b: DeliveryRuntime["digest"];
  beforeEach(() => {
    a = openDelivery(s.config, s.deps).digest;
    b = openDelivery(s.config, s.deps).digest;
  });
  afterEach(() => {
    for (const x of [a, b]) (x.mailer as { close(): void } | null)?.close();
  });

  /** Alice and Bob each with someone due every day (a weekly cadence would not do); Carol with nobody. */
  async function world() {
    const hooks: Record<string, string> = {};
    for (const [name, format] of [
      ["Alice", "kith"],
      ["Bob", "ntfy"],
      ["Carol", "kith"],
    ] as const) {
      const m = await signUp(s, name, `${name.toLowerCase()}@example.com`);
      await m.call("PATCH", "/api/account", { timeZone: "America/New_York" });
      const url = receiver.url(`/${name.toLowerCase()}`);
      hooks[name] = (await m.call("POST", "/api/notify/webhooks", { url, format })).json().id;
      if (name === "Carol") continue;
      const friend = (await m.call("POST", "/api/contacts", { firstName: `${name}'s friend` })).json();
      for (const day of [3, 4, 5, 6]) {
        await m.call("POST", "/api/follow-ups", {
          contactId: friend.id,
          dueOn: `2026-11-0${day}`,
          title: `Day ${day}`,
        });
      }
    }
    return hooks;
  }

  const ledger = async () =>
    JSON.stringify(
      await s.db.db
        .selectFrom("delivery")
        .selectAll()
        .where("kind", "not like", "test-%")
        .orderBy("account_id")
        .orderBy("kind")
        .orderBy("period")
        .execute(),
    );
  /** Requests per delivery id, and mails per Message-ID: each must be exactly one. */
  const perDelivery = () => {
    const counts = new Map<string, number>();
    for (const r of receiver.requests) {
      const id = String(r.headers["x-kith-delivery"]);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const m of digestMails()) counts.set(m.messageId ?? "", (counts.get(m.messageId ?? "") ?? 0) + 1);
    return counts;
  };
  const expectOnceEach = (deliveries: number) => {
    const counts = perDelivery();
    expect(counts.size).toBe(deliveries);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  };

  it("the digest tick: twice in a row, then at once on two instances", async () => {
    await world();
    expect(a.instanceId).not.toBe(b.instanceId);
    s.clock.set(at8(3));
    expect(await runDigestTick(a)).toMatchObject({ due: 3, sent: 4, skipped: 2 });
    const after = await ledger();
    expect(await runDigestTick(a)).toMatchObject({ due: 3, sent: 0, skipped: 0, busy: 6 });
    expect(await ledger()).toBe(after);
    await Promise.all([runDigestTick(a), runDigestTick(b)]);
    expect(await ledger()).toBe(after);
    // Alice and Bob: one mail and one request each; Carol: nothing due, nothing sent.
    expectOnceEach(4);

    // A new period, run at once from the start on both instances, twice.
    s.clock.set(at8(4));
    const first = await Promise.all([runDigestTick(a), runDigestTick(b)]);
    expect(first.reduce((n, r) => n + r.sent, 0)).toBe(4);
    const settled = await ledger();
    await Promise.all([runDigestTick(b), runDigestTick(a)]);
    expect(await ledger()).toBe(settled);
    expectOnceEach(8);
  });

  it("one webhook delivery, asked for five times on two instances at once, goes out once", async () => {
    const hooks = await world();
    s.clock.set(at8(3));
    const alice = (await s.deps.store.webhooks.forAccounts(await accountIds())).find((w) => w.id === hooks.Alice);
    if (!alice) throw new Error("Alice's webhook should exist");
    const outcomes = await Promise.all([a, b, a, b, a].map((x) => deliverWebhookDigest(x, alice, "2026-11-03")));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(4);
    const after = await ledger();
    expect(await deliverWebhookDigest(b, alice, "2026-11-03")).toBe("busy");
    expect(await ledger()).toBe(after);
    expectOnceEach(1);
  });

  it("the retry sweep: twice in a row and at once on two instances, after failures that outlived their period", async () => {
    await world();
    receiver.answerNext(503, 503);
    await sink.stop();
    s.clock.set(at8(5));
    expect(await runDigestTick(a)).toMatchObject({ pending: 4, skipped: 2 });
    await sink.start();
    s.clock.set("2026-11-06T12:00:00.000Z"); // 07:00 in New York: the 6th's digest is not due yet.
    const results = await Promise.all([runRetrySweep(a), runRetrySweep(b)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(4);
    const after = await ledger();
    expect(await runRetrySweep(a)).toMatchObject({ due: 0 });
    await Promise.all([runRetrySweep(b), runRetrySweep(a)]);
    expect(await ledger()).toBe(after);
    // The two failed requests, then one delivered request per webhook, one mail per account.
    expect(receiver.requests).toHaveLength(4);
    expect(receiver.requests.slice(2).map((r) => r.headers["x-kith-delivery"])).toEqual(
      receiver.requests.slice(0, 2).map((r) => r.headers["x-kith-delivery"]),
    );
    expect(digestMails()).toHaveLength(2);
    expect(new Set(digestMails().map((m) => m.messageId)).size).toBe(2);
    // The tick of the same day later finds those entries settled, and sends the 6th's digests once.
    s.clock.set(at8(6));
    await Promise.all([runDigestTick(a), runDigestTick(b), runRetrySweep(a), runRetrySweep(b)]);
    expect(receiver.requests).toHaveLength(6);
    expect(digestMails()).toHaveLength(4);
  });

  async function accountIds(): Promise<string[]> {
    return (await s.db.db.selectFrom("account").select("id").execute()).map((r) => r.id);
  }
});
