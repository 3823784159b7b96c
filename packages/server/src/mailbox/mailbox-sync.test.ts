import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { ADA, ALIAS, mail, useMailboxWorld } from "./mailbox-world.ts";

describe.each(DIALECTS)("mailbox sync on a real Dovecot on %s", (dialect) => {
  const w = useMailboxWorld(dialect);

  it("logs every exchange with a known contact once: encoded names, several recipients, aliases, self-sent, lists, auto-replies, BCC-to-log", async () => {
    const rosa = await w.contact("Rosa", "rosa@example.com");
    const zoe = await w.contact("Zoë", "zoë@exämple.com");
    const bob = await w.contact("Bob", "bob@example.com");
    // Inbound, the address in other case, the name RFC 2047-encoded.
    await w.append("INBOX", mail({ from: "Rosá Díaz <ROSA@Example.COM>", to: ADA, subject: "Café next week?", date: "2026-10-01T09:00:00Z" }));
    // An internationalised address (the domain as the composer writes it, in its xn-- form).
    await w.append("INBOX", mail({ from: "Zoë Ångström <zoë@exämple.com>", to: ADA, subject: "Grüße", date: "2026-10-02T09:00:00Z" }));
    // Outbound to two contacts and a stranger in Cc: one interaction, both contacts.
    const shared = "<shared-1@mail.test>";
    await w.append("Sent", mail({ from: ADA, to: ["rosa@example.com", "Bob <bob@example.com>"], cc: "Carol <carol@example.com>", subject: "Dinner", date: "2026-10-03T09:00:00Z", messageId: shared }));
    // The same message in the inbox too (Ada copied herself): still once.
    await w.append("INBOX", mail({ from: ADA, to: ["rosa@example.com", "Bob <bob@example.com>"], cc: ADA, subject: "Dinner", date: "2026-10-03T09:00:00Z", messageId: shared }));
    // From an alias.
    await w.append("Sent", mail({ from: `Ada <${ALIAS}>`, to: "bob@example.com", subject: "From work", date: "2026-10-04T09:00:00Z" }));
    // Self-sent, to a +tag of her own: nothing.
    await w.append("Sent", mail({ from: ADA, to: ["ada+notes@example.com", ALIAS], subject: "Note to self", date: "2026-10-05T09:00:00Z" }));
    // A list message and an auto-reply from contacts: recorded, not meaningful.
    await w.append("INBOX", mail({ from: "rosa@example.com", to: "club@lists.example", subject: "Club news", date: "2026-10-06T09:00:00Z", headers: { "List-Id": "Club <club.lists.example>" } }));
    await w.append("INBOX", mail({ from: "bob@example.com", to: ADA, subject: "Out of office", date: "2026-10-07T09:00:00Z", headers: { "Auto-Submitted": "auto-replied" } }));
    // A stranger twice (a suggestion), a newsletter many times (never one).
    await w.append("INBOX", mail({ from: "Dave Doe <dave@example.org>", to: ADA, subject: "Intro", date: "2026-10-08T09:00:00Z" }));
    await w.append("INBOX", mail({ from: "Dave Doe <dave@example.org>", to: ADA, subject: "Intro again", date: "2026-10-09T09:00:00Z" }));
    for (const day of ["10", "11", "12"]) {
      await w.append("INBOX", mail({ from: "news@shop.example", to: ADA, subject: "Deals", date: `2026-10-${day}T09:00:00Z`, headers: { Precedence: "bulk" } }));
    }
    // BCC-to-log: sent from a device whose address is not hers, to the log address: logged to its To contact.
    await w.append("INBOX", mail({ from: "ada@laptop.example", to: "zoë@exämple.com", subject: "Logged by BCC", date: "2026-10-13T09:00:00Z", headers: { "Delivered-To": "ada+kith@example.com" } }));
    // Before the start day: not read.
    await w.append("INBOX", mail({ from: "rosa@example.com", to: ADA, subject: "Ancient", date: "2025-06-01T09:00:00Z" }));

    expect((await w.ada("PUT", "/api/me/mailbox", w.form({ logAddress: "ada+kith@example.com" }))).statusCode).toBe(200);
    const [result] = await w.tick();
    expect(result).toMatchObject({ logged: 7, error: null });

    const logged = await w.logged();
    expect(logged.map((l) => [l.summary, l.direction, l.meaningful, l.contacts.sort()])).toEqual([
      ["Café next week?", "inbound", true, [rosa]],
      ["Grüße", "inbound", true, [zoe]],
      ["Dinner", "outbound", true, [rosa, bob].sort()],
      ["From work", "outbound", true, [bob]],
      ["Club news", "inbound", false, [rosa]],
      ["Out of office", "inbound", false, [bob]],
      ["Logged by BCC", "outbound", true, [zoe]],
    ]);

    const suggestions = (await w.ada("GET", "/api/mailbox/suggestions")).json().suggestions;
    expect(suggestions).toEqual([{ address: "dave@example.org", name: "Dave Doe", count: 2, lastAt: "2026-10-09T09:00:00.000Z" }]);

    // A re-sync (nothing new, or everything again after the marks are gone) adds nothing.
    await w.tick("instance-b");
    await w.s.db.db.deleteFrom("mailbox_folder").execute();
    await w.ada("POST", "/api/me/mailbox/sync");
    await w.tick("instance-c", 0);
    expect(await w.logged()).toEqual(logged);
    const status = (await w.ada("GET", "/api/me/mailbox/status")).json().status;
    expect(status).toMatchObject({ state: "ok", error: null, counts: { logged: 7, suggestions: 1 } });
  });
});
