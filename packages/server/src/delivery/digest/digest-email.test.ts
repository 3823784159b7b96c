import { type DeliveryDeps, runDigestTick } from "@kith/core";
import { openDelivery } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../../testing/test-server.ts";

// New York is UTC-5 in November: 08:00 local is 13:00Z.
const BEFORE_8 = "2026-11-03T12:59:00.000Z";
const AT_8 = "2026-11-03T13:00:00.000Z";

describe.each(DIALECTS)("digest email on %s", (dialect) => {
  const sink = useSmtpSink();
  const s = useTestServer(dialect, { env: () => sink.env() });
  let delivery: DeliveryDeps & { mailer: { close(): void } };
  beforeEach(() => {
    const opened = openDelivery(s.config, s.deps).delivery;
    if (!opened) throw new Error("SMTP should be configured");
    delivery = opened;
  });
  afterEach(() => {
    delivery.mailer.close();
  });

  /** Alice in New York with Rosa due on the 3rd; Bob in New York with nothing due. */
  async function world() {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    for (const member of [alice, bob]) await member.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa", lastName: "<Diaz>" })).json();
    await alice.call("POST", "/api/follow-ups", {
      contactId: rosa.id,
      dueOn: "2026-11-03",
      title: "Ask about the studio",
    });
    return { alice, bob, rosaId: rosa.id as string };
  }

  /** What the sink received besides the verification mails that sign-up sends when SMTP is configured. */
  const mails = () => sink.messages.filter((m) => m.subject !== "Kith: confirm your email address");
  const ledger = async () =>
    JSON.stringify(await s.db.db.selectFrom("delivery").selectAll().orderBy("account_id").execute());

  it("sends the digest at 08:00 local time, once, only to accounts with something due", async () => {
    const { alice, bob } = await world();
    s.clock.set(BEFORE_8);
    expect(await runDigestTick(delivery)).toMatchObject({ due: 0, sent: 0 });
    s.clock.set(AT_8);
    expect(await runDigestTick(delivery)).toMatchObject({ due: 2, sent: 1, skipped: 1 });
    const after = await ledger();
    // The same tick again (or on another instance) changes nothing.
    expect(await runDigestTick(delivery)).toMatchObject({ due: 2, sent: 0, skipped: 0, busy: 2 });
    expect(await ledger()).toBe(after);
    expect(mails()).toHaveLength(1);

    const mail = mails()[0];
    expect(mail?.to).toMatchObject({ value: [{ address: "alice@example.com" }] });
    expect(mail?.subject).toBe("Kith: follow up with Rosa <Diaz> today");
    expect(mail?.text).toContain("Rosa <Diaz>");
    expect(mail?.html).toContain("Rosa &lt;Diaz&gt;");
    const header = (name: string) =>
      mail?.headerLines.find((h) => h.key === name)?.line.replace(/\r\n(?=[ \t])/g, "") ?? "";
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toMatch(new RegExp(`^List-Unsubscribe: <${TEST_ORIGIN}/act\\?token=[^>]+>$`));
    const links = [...(mail?.text ?? "").matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    expect(links.length).toBe(4);
    for (const link of links) expect(link.startsWith(`${TEST_ORIGIN}/`)).toBe(true);
    // The Message-ID names the ledger key and carries a tag (an HMAC) that replies must quote.
    expect(mail?.messageId).toMatch(/^<digest-email\..+\.2026-11-03\.[\w-]{22}@kith\.test>$/);

    const status = (await alice.call("GET", "/api/notify/status")).json();
    expect(status).toMatchObject({
      settings: { digest: "daily", hour: 8 },
      emailConfigured: true,
      recent: [{ kind: "digest-email", period: "2026-11-03", status: "sent", attempts: 1, sentAt: AT_8 }],
    });
    expect((await bob.call("GET", "/api/notify/status")).json().recent).toMatchObject([{ status: "skipped" }]);
  });

  it("the next day brings the next digest; weekly and off follow the account's settings", async () => {
    const { alice } = await world();
    s.clock.set(AT_8);
    await runDigestTick(delivery);
    expect((await alice.call("PATCH", "/api/notify/settings", { digest: "weekly", hour: 25 })).json()).toMatchObject({
      errors: [{ path: "hour" }],
    });
    expect((await alice.call("PATCH", "/api/notify/settings", { digest: "off" })).json()).toEqual({
      digest: "off",
      hour: 8,
    });
    s.clock.set("2026-11-04T13:00:00.000Z");
    await runDigestTick(delivery);
    expect(mails()).toHaveLength(1);
    await alice.call("PATCH", "/api/notify/settings", { digest: "daily", hour: 9 });
    await runDigestTick(delivery);
    expect(mails()).toHaveLength(1);
    s.clock.set("2026-11-04T14:00:00.000Z");
    await runDigestTick(delivery);
    expect(mails()).toHaveLength(2);
    expect(mails()[1]?.text).toContain("(2026-11-04)");
  });

  it("SMTP down: the attempt is recorded, retried with backoff, and the digest arrives once it is back", async () => {
    const { alice } = await world();
    await sink.stop();
    s.clock.set(AT_8);
    expect(await runDigestTick(delivery)).toMatchObject({ pending: 1 });
    const status = (await alice.call("GET", "/api/notify/status")).json();
    expect(status.recent[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: "2026-11-03T13:01:00.000Z",
    });
    expect(status.recent[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    await sink.start();
    // Before the next attempt is due, nothing is tried.
    s.clock.set("2026-11-03T13:00:30.000Z");
    expect(await runDigestTick(delivery)).toMatchObject({ sent: 0, busy: 2 });
    s.clock.set("2026-11-03T13:01:00.000Z");
    expect(await runDigestTick(delivery)).toMatchObject({ sent: 1 });
    expect(mails()).toHaveLength(1);
    expect((await alice.call("GET", "/api/notify/status")).json().recent[0]).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
    });
  });

  it("two schedulers ticking at once send each account's digest once", async () => {
    const { alice } = await world();
    const other = openDelivery(s.config, s.deps).delivery;
    if (!other) throw new Error("SMTP should be configured");
    try {
      s.clock.set(AT_8);
      const results = await Promise.all([runDigestTick(delivery), runDigestTick(other), runDigestTick(delivery)]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(mails()).toHaveLength(1);
      expect((await alice.call("GET", "/api/notify/status")).json().recent).toHaveLength(1);
    } finally {
      other.mailer.close();
    }
  });

  it("send me a test: today's digest to the member who asks, shown in the status", async () => {
    const { alice } = await world();
    const bob = await signUp(s, "Carol", "carol@example.com");
    s.clock.set(AT_8);
    const res = await alice.call("POST", "/api/notify/test");
    expect(res.json()).toEqual({ to: ["alice@example.com"], status: "sent", error: null });
    expect((await bob.call("POST", "/api/notify/test")).json()).toEqual({
      to: ["carol@example.com"],
      status: "sent",
      error: null,
    });
    expect(mails().map((m) => m.subject)).toEqual([
      "Kith: follow up with Rosa <Diaz> today",
      "Kith: nothing is due today",
    ]);
    expect((await alice.call("GET", "/api/notify/status")).json().recent).toMatchObject([
      { kind: "test-email", status: "sent" },
    ]);
    await sink.stop();
    const failed = (await alice.call("POST", "/api/notify/test")).json();
    expect(failed).toMatchObject({ to: ["alice@example.com"], status: "failed" });
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe("digest email without SMTP settings", () => {
  const s = useTestServer("sqlite");

  it("says so in the status and refuses a test", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    expect((await alice.call("GET", "/api/notify/status")).json()).toMatchObject({ emailConfigured: false });
    const res = await alice.call("POST", "/api/notify/test");
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain("SMTP_HOST");
  });
});
