import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { ADA, ALIAS, mail, useMailboxWorld } from "./testing/mailbox-world.ts";

const LOG = "ada+kith@example.com";
const at = (day: number, hour = 9) => `2026-10-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00Z`;
const iso = (day: number, hour = 9) => new Date(at(day, hour)).toISOString();

/**
 * A new member's first sync: a month of messy mail on a real Dovecot — RFC 2047 names and subjects, accents and
 * emoji, internationalised addresses, two people called Ana García, a mailing list, auto-replies, bulk mail,
 * self-sent notes, an outreach and its reply, BCC-to-log, a message in two folders — then connect, sync and check
 * what Kith made of it, and that syncing again adds nothing.
 */
describe.each(DIALECTS)("a new member's month of mail on a real Dovecot on %s", (dialect) => {
  const w = useMailboxWorld(dialect);

  it("logs each exchange with a contact once, closes the answered outreach, suggests the rest with right counts", async () => {
    const ana = await w.contact("Ana", "ana.garcia@example.com");
    const rosa = await w.contact("Rosa", "rosa@example.com");
    const bob = await w.contact("Bob", "bob@example.com");
    const zoe = await w.contact("Zoë", "zoë@exämple.com");
    const jose = await w.contact("José", "josé@example.com");

    const inbox = (day: number, from: string, subject: string, extra: Parameters<typeof mail>[0] | object = {}) =>
      w.append("INBOX", mail({ from, to: ADA, subject, date: at(day), ...extra }));
    const sent = (day: number, to: string | string[], subject: string, extra: object = {}) =>
      w.append("Sent", mail({ from: `Ada Lovelace <${ADA}>`, to, subject, date: at(day), ...extra }));

    // Ana García (a contact) and another Ana García (not one), the same name, two addresses.
    await inbox(1, "Ana García <ana.garcia@example.com>", "¿Café mañana? ☕");
    await sent(2, "Ana García <ana.garcia@example.com>", "Re: ¿Café mañana? ☕");
    await inbox(2, "Ana García <ana.g@other.example>", "Hola de la otra Ana");
    await inbox(4, "Ana García <ana.g@other.example>", "¿Me recuerdas?");
    // An outreach to Rosa, answered two days later.
    await sent(3, "Rosa <rosa@example.com>", "Coffee next week?", { messageId: "<coffee@mail.test>" });
    await inbox(5, "Rosa <rosa@example.com>", "Re: Coffee next week?", {
      headers: { "In-Reply-To": "<coffee@mail.test>" },
    });
    // A list message from Rosa, an out-of-office from Bob: on the timeline, not touches.
    await w.append(
      "INBOX",
      mail({
        from: "rosa@example.com",
        to: "book-club@lists.example",
        subject: "Club: next book",
        date: at(6),
        headers: { "List-Id": "Book club <book-club.lists.example>" },
      }),
    );
    await inbox(7, "Bob <bob@example.com>", "Abwesenheitsnotiz: Out of office", {
      headers: { "Auto-Submitted": "auto-replied" },
    });
    // Notes to herself (a +tag and her alias): nothing.
    await sent(8, ["ada+notes@example.com", ALIAS], "Note to self: call the bank");
    // Emoji in a name, an internationalised address, a non-ASCII local part.
    await inbox(9, "Zoë 🌸 Ångström <zoë@exämple.com>", "Grüße aus Köln 🍺");
    await sent(10, "José Núñez <josé@example.com>", "¿Qué tal, José?");
    await inbox(11, "José Núñez <josé@example.com>", "Re: ¿Qué tal, José?");
    // BCC-to-log: written on another device, blind-copied to the log address.
    await w.append(
      "INBOX",
      mail({
        from: "ada@laptop.example",
        to: "Bob <bob@example.com>",
        subject: "Sent from my laptop",
        date: at(12),
        headers: { "Delivered-To": LOG },
      }),
    );
    // Bulk mail, many times: never a suggestion.
    for (const day of [13, 14, 15]) {
      await inbox(day, "Shop <news@shop.example>", "Deals of the week", { headers: { Precedence: "bulk" } });
    }
    // A stranger who writes once, and whom Ada answers: two messages, a suggestion.
    await inbox(16, "=?UTF-8?Q?=C3=89mile_Zola?= <emile@example.fr>", "Bonjour");
    await sent(17, "Émile Zola <emile@example.fr>", "Re: Bonjour");
    // A stranger with an internationalised domain, twice.
    await inbox(18, "陈美 <mei@例え.jp>", "你好");
    await inbox(19, "陈美 <mei@例え.jp>", "再见");
    // A stranger once (Rosa only in Cc: she did not write), an automated stranger twice.
    await inbox(20, "Dave <dave@example.org>", "Intro to Rosa", { cc: "rosa@example.com" });
    await inbox(21, "No reply <noreply@service.example>", "Your receipt", {
      headers: { "Auto-Submitted": "auto-generated" },
    });
    await inbox(22, "No reply <noreply@service.example>", "Your receipt", {
      headers: { "Auto-Submitted": "auto-generated" },
    });
    // To Ana (contact) with the other Ana in Cc, and Ada's copy of it in the inbox: one message.
    const both = { cc: "Ana García <ana.g@other.example>", messageId: "<two-anas@mail.test>" };
    await sent(23, "Ana García <ana.garcia@example.com>", "Two Anas, one table", both);
    await w.append(
      "INBOX",
      mail({ from: ADA, to: "ana.garcia@example.com", subject: "Two Anas, one table", date: at(23), ...both }),
    );
    await inbox(26, "Bob <bob@example.com>", "Lunch Friday?");
    await sent(28, ["Bob <bob@example.com>", "ana.garcia@example.com"], "Friday lunch plan");
    await sent(30, "zoë@exämple.com", "Schöne Grüße zurück");

    const connected = await w.ada("PUT", "/api/me/mailbox", w.form({ logAddress: LOG }));
    expect(connected.statusCode).toBe(200);
    const [first] = await w.tick();
    // 28 messages appended, 27 Message-IDs (one message is in two folders).
    expect(first).toEqual({ error: null, messages: 27, logged: 14 });

    const expected = [
      ["¿Café mañana? ☕", "inbound", true, [ana]],
      ["Re: ¿Café mañana? ☕", "outbound", true, [ana]],
      ["Coffee next week?", "outbound", true, [rosa]],
      ["Re: Coffee next week?", "inbound", true, [rosa]],
      ["Club: next book", "inbound", false, [rosa]],
      ["Abwesenheitsnotiz: Out of office", "inbound", false, [bob]],
      ["Grüße aus Köln 🍺", "inbound", true, [zoe]],
      ["¿Qué tal, José?", "outbound", true, [jose]],
      ["Re: ¿Qué tal, José?", "inbound", true, [jose]],
      ["Sent from my laptop", "outbound", true, [bob]],
      ["Intro to Rosa", "inbound", true, []],
      ["Two Anas, one table", "outbound", true, [ana]],
      ["Lunch Friday?", "inbound", true, [bob]],
      ["Friday lunch plan", "outbound", true, [ana, bob].sort()],
      ["Schöne Grüße zurück", "outbound", true, [zoe]],
    ].filter(([summary]) => summary !== "Intro to Rosa");
    const summarize = async () =>
      (await w.logged()).map((l) => [l.summary, l.direction, l.meaningful, [...l.contacts].sort()]);
    // 14 interactions: the self-sent note, the bulk mail and the strangers' own messages log nothing; the message
    // held in two folders is logged once.
    expect(await summarize()).toEqual(expected);

    // The outreach was answered: no nudge waits; Rosa's last touch is her reply (the list message is no touch).
    const rosaNow = (await w.ada("GET", `/api/contacts/${rosa}`)).json();
    expect(rosaNow).toMatchObject({ lastTouchAt: iso(5), touchCount: 2, exchangeCount: 2 });
    const stored = await w.s.db.db
      .selectFrom("contact")
      .select("unanswered_attempt_ats")
      .where("id", "=", rosa)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.unanswered_attempt_ats)).toEqual([]);
    // Bob's out-of-office is on his timeline but his last touch is the lunch plan.
    expect((await w.ada("GET", `/api/contacts/${bob}`)).json()).toMatchObject({ lastTouchAt: iso(28) });

    const suggestions = async () => (await w.ada("GET", "/api/mailbox/suggestions")).json().suggestions;
    const open = [
      { address: "ana.g@other.example", name: "Ana García", count: 3, messages: 3, meetings: 0, lastAt: iso(23) },
      { address: "emile@example.fr", name: "Émile Zola", count: 2, messages: 2, meetings: 0, lastAt: iso(17) },
      { address: "mei@xn--r8jz45g.jp", name: "陈美", count: 2, messages: 2, meetings: 0, lastAt: iso(19) },
    ];
    expect(await suggestions()).toEqual(open);
    const status = (await w.ada("GET", "/api/me/mailbox/status")).json().status;
    expect(status).toMatchObject({ state: "ok", error: null, counts: { suggestions: 3 } });

    // Syncing again — nothing new, then with the folders' marks gone (everything read again) — adds nothing.
    await w.tick("instance-b");
    await w.s.db.db.deleteFrom("mailbox_folder").execute();
    await w.ada("POST", "/api/me/mailbox/sync");
    await w.tick("instance-c", 0);
    expect(await summarize()).toEqual(expected);
    expect(await suggestions()).toEqual(open);

    // The other Ana García becomes a contact of her own: her three messages are hers, the shared one gains her.
    const accepted = await w.ada(
      "POST",
      `/api/mailbox/suggestions/${encodeURIComponent("ana.g@other.example")}/accept`,
    );
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ logged: 3, messages: 3, meetings: 0 });
    const otherAna = accepted.json().contactId as string;
    expect((await w.ada("GET", `/api/contacts/${otherAna}`)).json()).toMatchObject({
      firstName: "Ana",
      lastName: "García",
      emails: [{ address: "ana.g@other.example" }],
      lastTouchAt: iso(23),
    });
    const twoAnas = (await summarize()).find(([summary]) => summary === "Two Anas, one table");
    expect(twoAnas?.[3]).toEqual([ana, otherAna].sort());
    expect((await suggestions()).map((s: { address: string }) => s.address)).toEqual([
      "emile@example.fr",
      "mei@xn--r8jz45g.jp",
    ]);
    await w.tick("instance-d");
    expect((await suggestions()).map((s: { address: string }) => s.address)).toEqual([
      "emile@example.fr",
      "mei@xn--r8jz45g.jp",
    ]);
  });
});
