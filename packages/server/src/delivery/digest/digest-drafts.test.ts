import { type DeliveryDeps, runDigestTick } from "@kith/core";
import { openDelivery } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../../testing/test-server.ts";

const AT_8 = "2026-11-03T13:00:00.000Z";

/**
 * Issue 12's hostile corpus through the real mail path: contact data in every placeholder reaches the digest's
 * drafts, and the SMTP sink receives no extra header, no extra recipient and no unescaped HTML.
 */
describe.each(DIALECTS)("drafts in the digest email on %s", (dialect) => {
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

  it("shows each item's draft with hostile contact data, injecting no header and no HTML", async () => {
    const alice = await signUp(s, "Alice\r\nX-Evil: 1", "alice@example.com");
    await alice.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    const company = (await alice.call("POST", "/api/companies", { name: "<b>Acme</b>\r\nBcc: co@evil.test" })).json();
    const created = await alice.call("POST", "/api/contacts", {
      firstName: "Rosa\r\nBcc: evil@evil.test",
      lastName: "<script>alert(1)</script>",
      companyId: company.id,
      title: "\u202eCEO\u202c",
      howWeMet: "{{ me.name }}{% include '/etc/passwd' %}",
      interests: ["__proto__", "constructor"],
    });
    expect(created.statusCode).toBe(201);
    const rosa = created.json();
    await alice.call("POST", "/api/interactions", {
      contactIds: [rosa.id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-10-01T12:00:00.000Z",
      summary: `<img src=x onerror=alert(1)>\u202e${"n".repeat(19_000)}`,
    });
    await alice.call("POST", "/api/follow-ups", {
      contactId: rosa.id,
      dueOn: "2026-11-03",
      title: "<i>Ask</i>\r\nCc: x@evil.test",
    });
    await alice.call("PATCH", "/api/settings", { myUpdate: "{% for i in (1..100000000) %}x{% endfor %}" });

    s.clock.set(AT_8);
    expect(await runDigestTick(delivery)).toMatchObject({ sent: 1 });
    const mail = sink.messages.find((m) => m.subject !== "Kith: confirm your email address");
    if (!mail) throw new Error("no digest");

    // One recipient, no header from the data: the parsed mail and its raw header lines agree.
    expect(mail.to).toMatchObject({ value: [{ address: "alice@example.com" }] });
    expect(mail.cc).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
    const keys = mail.headerLines.map((h) => h.key);
    expect(keys.filter((k) => ["bcc", "cc", "x-evil"].includes(k))).toEqual([]);
    expect(mail.subject).not.toMatch(/[\r\n]/);

    // The draft is there, as text in the text part and escaped in the HTML part.
    expect(mail.text).toContain("What to say — Following up");
    expect(mail.text).toContain("Hi Rosa Bcc: evil@evil.test,");
    expect(mail.text).toContain("Next on my list: <i>Ask</i> Cc: x@evil.test.");
    const html = String(mail.html);
    expect(html).toContain("<blockquote><em>Following up</em>");
    expect(html).not.toMatch(/<(script|img|i|b)[\s>]/);
    expect(html).toContain("Next on my list: &lt;i&gt;Ask&lt;/i&gt; Cc: x@evil.test.");
    expect(html).not.toMatch(/\u202e/);
    expect(mail.text).not.toMatch(/root:|xxxxxxxxxx/);
  });
});
