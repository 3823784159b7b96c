import { runDigestTick } from "@kith/core";
import { openDelivery } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../../testing/test-server.ts";

const AT_8 = "2026-11-03T13:00:00.000Z";

describe.each(DIALECTS)("one-click digest links on %s", (dialect) => {
  const sink = useSmtpSink();
  const s = useTestServer(dialect, { env: () => sink.env() });

  /** Alice gets a digest naming Rosa; returns its links by label and Alice's session. */
  async function digest() {
    const alice = await signUp(s, "Alice", "alice@example.com");
    await alice.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa", lastName: "Diaz" })).json();
    await alice.call("POST", "/api/follow-ups", { contactId: rosa.id, dueOn: "2026-11-03", title: "Call Rosa" });
    s.clock.set(AT_8);
    const delivery = openDelivery(s.config, s.deps).delivery;
    if (!delivery) throw new Error("SMTP should be configured");
    await runDigestTick(delivery);
    delivery.mailer.close();
    const text = sink.messages.find((m) => m.messageId?.startsWith("<digest-email."))?.text ?? "";
    const link = (label: string) => new RegExp(`${label}: (\\S+)`).exec(text)?.[1] ?? "";
    const path = (label: string) => link(label).slice(TEST_ORIGIN.length);
    return { alice, rosaId: rosa.id as string, path };
  }

  const post = (url: string, payload?: string) =>
    s.app.inject({
      method: "POST",
      url,
      ...(payload !== undefined ? { payload, headers: { "content-type": "application/x-www-form-urlencoded" } } : {}),
    });

  it("done: a GET only asks; the POST logs the touch once, and a second POST does nothing more", async () => {
    const { alice, rosaId, path } = await digest();
    const ask = await s.app.inject({ method: "GET", url: path("Done") });
    expect(ask.statusCode).toBe(200);
    // The page names the contact and has the app's look, from a stylesheet of our origin (no inline style).
    expect(ask.body).toContain("Mark the follow-up with Rosa Diaz done and log the touch?");
    expect(ask.body).toContain('<link rel="stylesheet" href="/act.css">');
    expect(ask.body).not.toMatch(/<style|style=/);
    const css = await s.app.inject({ method: "GET", url: "/act.css" });
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.body).toContain("--accent: #2f6b5a");
    expect((await alice.call("GET", "/api/today")).json().items).toHaveLength(1);

    const first = await post(path("Done"));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("Marked done");
    expect(first.body).toContain('<p class="who">Rosa Diaz</p>');
    const second = await post(path("Done"));
    expect(second.body).toContain("used already");
    const interactions = (await alice.call("GET", `/api/interactions?contactId=${rosaId}`)).json();
    expect(interactions.items).toHaveLength(1);
    expect((await alice.call("GET", "/api/today")).json().items).toHaveLength(0);
  });

  it("snooze a week moves the item seven days on", async () => {
    const { alice, path } = await digest();
    const res = await post(path("Snooze a week"));
    expect(res.body).toContain("Snoozed until 2026-11-10");
    expect(res.body).toContain('<p class="who">Rosa Diaz</p>');
    expect((await s.app.inject({ method: "GET", url: path("Snooze a week") })).body).toContain(
      "Snooze Rosa Diaz for a week?",
    );
    expect((await alice.call("GET", "/api/today")).json().items).toHaveLength(0);
    s.clock.set("2026-11-10T13:00:00.000Z");
    expect((await alice.call("GET", "/api/today")).json().items).toHaveLength(1);
  });

  it("one-click unsubscribe (RFC 8058 form POST) turns the digest off", async () => {
    const { alice, path } = await digest();
    const res = await post(path("Stop these emails"), "List-Unsubscribe=One-Click");
    expect(res.statusCode).toBe(200);
    expect((await alice.call("GET", "/api/notify/status")).json().settings).toEqual({ digest: "off", hour: 8 });
  });

  it("a changed, expired or orphaned link does nothing and says why", async () => {
    const { alice, path } = await digest();
    const done = path("Done");
    const [payload, mac] = done.slice("/act?token=".length).split(".");
    const forged = `/act?token=${Buffer.from(JSON.stringify({ p: "done", a: "x", u: "y", c: "z", n: "n", e: "2099-01-01T00:00:00.000Z" })).toString("base64url")}.${mac}`;
    const tampered = await post(forged);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain("signature does not match");
    expect((await post(`/act?token=${payload}`)).statusCode).toBe(400);

    s.clock.set("2026-11-10T13:00:01.000Z");
    const expired = await post(done);
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain("expired");
    s.clock.set(AT_8);

    const res = await s.app.inject({ method: "GET", url: "/act?token=short" });
    expect(res.statusCode).toBe(400);
    expect((await alice.call("GET", "/api/interactions")).json().items).toHaveLength(0);
  });
});
