import { runMailboxSyncTick } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { ADA, ALIAS, mail, useMailboxWorld } from "./testing/mailbox-world.ts";

describe.each(DIALECTS)("mailbox sync on a real Dovecot on %s", (dialect) => {
  const w = useMailboxWorld(dialect);

  it("logs every exchange with a known contact once: encoded names, several recipients, aliases, self-sent, lists, auto-replies, BCC-to-log", async () => {
    const rosa = await w.contact("Rosa", "rosa@example.com");
    const zoe = await w.contact("Zoë", "zoë@exämple.com");
    const bob = await w.contact("Bob", "bob@example.com");
    // Inbound, the address in other case, the name RFC 2047-encoded.
    await w.append(
      "INBOX",
      mail({ from: "Rosá Díaz <ROSA@Example.COM>", to: ADA, subject: "Café next week?", date: "2026-10-01T09:00:00Z" }),
    );
    // An internationalised address (the domain as the composer writes it, in its xn-- form).
    await w.append(
      "INBOX",
      mail({ from: "Zoë Ångström <zoë@exämple.com>", to: ADA, subject: "Grüße", date: "2026-10-02T09:00:00Z" }),
    );
    // Outbound to two contacts and a stranger in Cc: one interaction, both contacts.
    const shared = "<shared-1@mail.test>";
    await w.append(
      "Sent",
      mail({
        from: ADA,
        to: ["rosa@example.com", "Bob <bob@example.com>"],
        cc: "Carol <carol@example.com>",
        subject: "Dinner",
        date: "2026-10-03T09:00:00Z",
        messageId: shared,
      }),
    );
    // The same message in the inbox too (Ada copied herself): still once.
    await w.append(
      "INBOX",
      mail({
        from: ADA,
        to: ["rosa@example.com", "Bob <bob@example.com>"],
        cc: ADA,
        subject: "Dinner",
        date: "2026-10-03T09:00:00Z",
        messageId: shared,
      }),
    );
    // From an alias.
    await w.append(
      "Sent",
      mail({ from: `Ada <${ALIAS}>`, to: "bob@example.com", subject: "From work", date: "2026-10-04T09:00:00Z" }),
    );
    // Self-sent, to a +tag of her own: nothing.
    await w.append(
      "Sent",
      mail({ from: ADA, to: ["ada+notes@example.com", ALIAS], subject: "Note to self", date: "2026-10-05T09:00:00Z" }),
    );
    // A list message and an auto-reply from contacts: recorded, not meaningful.
    await w.append(
      "INBOX",
      mail({
        from: "rosa@example.com",
        to: "club@lists.example",
        subject: "Club news",
        date: "2026-10-06T09:00:00Z",
        headers: { "List-Id": "Club <club.lists.example>" },
      }),
    );
    await w.append(
      "INBOX",
      mail({
        from: "bob@example.com",
        to: ADA,
        subject: "Out of office",
        date: "2026-10-07T09:00:00Z",
        headers: { "Auto-Submitted": "auto-replied" },
      }),
    );
    // A stranger twice (a suggestion), a newsletter many times (never one).
    await w.append(
      "INBOX",
      mail({ from: "Dave Doe <dave@example.org>", to: ADA, subject: "Intro", date: "2026-10-08T09:00:00Z" }),
    );
    await w.append(
      "INBOX",
      mail({ from: "Dave Doe <dave@example.org>", to: ADA, subject: "Intro again", date: "2026-10-09T09:00:00Z" }),
    );
    for (const day of ["10", "11", "12"]) {
      await w.append(
        "INBOX",
        mail({
          from: "news@shop.example",
          to: ADA,
          subject: "Deals",
          date: `2026-10-${day}T09:00:00Z`,
          headers: { Precedence: "bulk" },
        }),
      );
    }
    // BCC-to-log: sent from a device whose address is not hers, to the log address: logged to its To contact.
    await w.append(
      "INBOX",
      mail({
        from: "ada@laptop.example",
        to: "zoë@exämple.com",
        subject: "Logged by BCC",
        date: "2026-10-13T09:00:00Z",
        headers: { "Delivered-To": "ada+kith@example.com" },
      }),
    );
    // Before the start day: not read.
    await w.append(
      "INBOX",
      mail({ from: "rosa@example.com", to: ADA, subject: "Ancient", date: "2025-06-01T09:00:00Z" }),
    );

    expect((await w.ada("PUT", "/api/me/mailbox", w.form({ logAddress: "ada+kith@example.com" }))).statusCode).toBe(
      200,
    );
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
    expect(suggestions).toEqual([
      {
        address: "dave@example.org",
        name: "Dave Doe",
        count: 2,
        messages: 2,
        meetings: 0,
        lastAt: "2026-10-09T09:00:00.000Z",
      },
    ]);

    // A re-sync (nothing new, or everything again after the marks are gone) adds nothing.
    await w.tick("instance-b");
    await w.s.db.db.deleteFrom("mailbox_folder").execute();
    await w.ada("POST", "/api/me/mailbox/sync");
    await w.tick("instance-c", 0);
    expect(await w.logged()).toEqual(logged);
    const status = (await w.ada("GET", "/api/me/mailbox/status")).json().status;
    expect(status).toMatchObject({ state: "ok", error: null, counts: { logged: 7, suggestions: 1 } });
  });

  it("a reply that arrives later answers the outreach, so its nudges stop", async () => {
    const rosa = await w.contact("Rosa", "rosa@example.com");
    const open = async () =>
      JSON.parse(
        (
          await w.s.db.db
            .selectFrom("contact")
            .select("unanswered_attempt_ats")
            .where("id", "=", rosa)
            .executeTakeFirstOrThrow()
        ).unanswered_attempt_ats,
      ) as string[];
    await w.append(
      "Sent",
      mail({
        from: ADA,
        to: "rosa@example.com",
        subject: "Coffee?",
        date: "2026-10-20T09:00:00Z",
        messageId: "<ask@mail.test>",
      }),
    );
    await w.ada("PUT", "/api/me/mailbox", w.form());
    await w.tick();
    expect(await open()).toEqual(["2026-10-20T09:00:00.000Z"]);
    await w.append(
      "INBOX",
      mail({
        from: "Rosa <rosa@example.com>",
        to: ADA,
        subject: "Re: Coffee?",
        date: "2026-10-21T09:00:00Z",
        headers: { "In-Reply-To": "<ask@mail.test>" },
      }),
    );
    await w.tick();
    expect(await open()).toEqual([]);
    const contact = (await w.ada("GET", `/api/contacts/${rosa}`)).json();
    expect(contact).toMatchObject({ lastTouchAt: "2026-10-21T09:00:00.000Z", touchCount: 2, exchangeCount: 2 });
  });

  it("a UIDVALIDITY change reads the folder again without doubles; two instances at once read it once", async () => {
    await w.contact("Rosa", "rosa@example.com");
    for (const day of ["01", "02", "03"]) {
      await w.append(
        "Archive",
        mail({
          from: "rosa@example.com",
          to: ADA,
          subject: `Note ${day}`,
          date: `2026-10-${day}T09:00:00Z`,
          messageId: `<note-${day}@mail.test>`,
        }),
      );
    }
    await w.ada("PUT", "/api/me/mailbox", w.form({ folders: ["Archive"] }));
    w.s.clock.set(new Date(w.s.clock.now().getTime() + 60_000).toISOString());
    const deps = w.deps();
    const runs = await Promise.all(["a", "b", "c"].map((owner) => runMailboxSyncTick(deps, { owner })));
    expect(runs.flat()).toHaveLength(1);
    expect(await w.logged()).toHaveLength(3);
    const before = await w.s.db.db.selectFrom("mailbox_folder").selectAll().executeTakeFirstOrThrow();
    // The folder is made anew (a restored server, a migrated account): new UIDVALIDITY, the same messages, one more.
    await w.imap((c) => c.mailboxDelete("Archive"));
    for (const day of ["01", "02", "03", "04"]) {
      await w.append(
        "Archive",
        mail({
          from: "rosa@example.com",
          to: ADA,
          subject: `Note ${day}`,
          date: `2026-10-${day}T09:00:00Z`,
          messageId: `<note-${day}@mail.test>`,
        }),
      );
    }
    await w.tick();
    const after = await w.s.db.db.selectFrom("mailbox_folder").selectAll().executeTakeFirstOrThrow();
    expect(after.uid_validity).not.toBe(before.uid_validity);
    expect((await w.logged()).map((l) => l.summary)).toEqual(["Note 01", "Note 02", "Note 03", "Note 04"]);
  });

  it("a wrong password or a server down is a status in words with backoff; nothing is lost once it is fixed", async () => {
    await w.contact("Rosa", "rosa@example.com");
    await w.append(
      "INBOX",
      mail({ from: "rosa@example.com", to: ADA, subject: "Waiting", date: "2026-10-20T09:00:00Z" }),
    );
    await w.ada("PUT", "/api/me/mailbox", w.form({ folders: ["INBOX"], password: "not-the-password" }));
    expect(await w.tick()).toEqual([
      { messages: 0, logged: 0, error: "The mail server refused the user name or password" },
    ]);
    let status = (await w.ada("GET", "/api/me/mailbox/status")).json().status;
    expect(status).toMatchObject({ state: "failing", error: "The mail server refused the user name or password" });
    // Backoff: not due again at once, then 1 minute, then 2.
    expect(await runMailboxSyncTick(w.deps(), { owner: "x" })).toEqual([]);
    expect(Date.parse(status.nextRunAt) - Date.parse(status.lastRunAt)).toBe(60_000);
    await w.tick("x", 1);
    status = (await w.ada("GET", "/api/me/mailbox/status")).json().status;
    expect(Date.parse(status.nextRunAt) - Date.parse(status.lastRunAt)).toBe(120_000);

    await w.ada("PUT", "/api/me/mailbox", w.form({ folders: ["INBOX"], port: 1 }));
    const [down] = await w.tick();
    expect(down?.error).toBe("The mail server 127.0.0.1:1 could not be reached");

    await w.ada("PUT", "/api/me/mailbox", w.form({ folders: ["INBOX"] }));
    expect(await w.tick()).toEqual([{ messages: 1, logged: 1, error: null }]);
    status = (await w.ada("GET", "/api/me/mailbox/status")).json().status;
    expect(status).toMatchObject({ state: "ok", error: null, counts: { messages: 1, logged: 1 } });
  });
});
