import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { ReplyWorld, useReplyWorld } from "../testing/reply-world.ts";

const INBOX = "INBOX";
const PROCESSED = "Kith.Processed";

describe.each(DIALECTS)("acting by replying to the digest on %s", (dialect) => {
  const w = useReplyWorld(dialect);

  const followUpOf = async (call: Awaited<ReturnType<ReplyWorld["member"]>>, contactId: string) =>
    (await call("GET", `/api/follow-ups?contactId=${contactId}`)).json().items[0];
  /** Everything the replies could have changed: the ledger, stored digests and answers, follow-ups, contacts. */
  const state = async () => {
    const db = w.s.db.db;
    return JSON.stringify([
      await db.selectFrom("delivery").selectAll().orderBy(["kind", "period"]).execute(),
      await db.selectFrom("reply_answer").selectAll().orderBy("reply_key").execute(),
      await db.selectFrom("follow_up").selectAll().orderBy("id").execute(),
      await db.selectFrom("contact").select(["id", "notes", "snoozed_until_on"]).orderBy("id").execute(),
      await db.selectFrom("interaction").select("id").orderBy("id").execute(),
    ]);
  };

  it('"snooze 2w" under a signature and the quoted digest moves the item two weeks, once', async () => {
    const alice = await w.member("Alice", "alice@example.com");
    const rosa = await w.dueContact(alice, "Rosa", "Diaz");
    const digest = await w.digest();
    // The digest invites replies: Reply-To is the mailbox Kith reads, and items are numbered.
    expect(digest.replyTo?.value[0]?.address).toBe(w.dovecot.user);
    expect(digest.text).toContain("1. Rosa Diaz — ");
    expect(digest.text).toContain('Reply to this email to act: "done", "snooze 2w", "skip", or a note');
    expect(digest.messageId).toMatch(/^<digest-email\.[\w-]+\.2026-11-03\.[\w-]{22}@kith\.test>$/);

    const reply = await w.reply(digest, "snooze 2w");
    await w.append(reply);
    expect(await w.poll()).toEqual({ seen: 1, handled: 1, ignored: 0, waiting: 0 });

    expect(await followUpOf(alice, rosa)).toMatchObject({ status: "snoozed", snoozedUntilOn: "2026-11-17" });
    expect((await alice("GET", "/api/today")).json().items).toHaveLength(0);
    w.s.clock.set("2026-11-17T14:00:00.000Z");
    expect((await alice("GET", "/api/today")).json().items).toMatchObject([{ contactId: rosa }]);

    const [answer, ...more] = w.answers();
    expect(more).toHaveLength(0);
    expect(answer?.to).toMatchObject({ value: [{ address: "alice@example.com" }] });
    expect(answer?.subject).toBe(`Re: ${digest.subject}`);
    expect(answer?.text).toContain("Rosa Diaz: snoozed until 2026-11-17.");
    const sentReply = /Message-ID: (<[^>]+>)/i.exec(reply.toString())?.[1];
    expect(answer?.inReplyTo).toBe(sentReply);
    expect(answer?.references).toEqual([digest.messageId, sentReply]);
    expect(answer?.headers.get("auto-submitted")).toBe("auto-replied");

    // The reply left the inbox, read and filed.
    const boxes = await w.mailboxes();
    expect(boxes[INBOX]).toEqual([]);
    expect(boxes[PROCESSED]).toEqual([{ messageId: sentReply, flags: ["\\Seen"] }]);

    // Polling again, or the same reply delivered a second time (another copy, another instance), changes nothing.
    const before = await state();
    expect(await w.poll()).toEqual({ seen: 0, handled: 0, ignored: 0, waiting: 0 });
    await w.append(reply);
    expect(await w.poll()).toEqual({ seen: 1, handled: 1, ignored: 0, waiting: 0 });
    expect(await state()).toBe(before);
    expect(w.answers()).toHaveLength(1);
    expect((await w.mailboxes())[PROCESSED]).toHaveLength(2);
  });

  it("two instances polling at once act on a reply once and answer it once", async () => {
    const alice = await w.member("Alice", "alice@example.com");
    const rosa = await w.dueContact(alice, "Rosa", "Diaz");
    const digest = await w.digest();
    await w.append(await w.reply(digest, "done"));
    const other = w.otherInstance();
    try {
      await Promise.all([w.poll(), w.poll(other), w.poll()]);
      await w.poll(other);
    } finally {
      other.mailer.close();
    }
    expect(await followUpOf(alice, rosa)).toMatchObject({ status: "done" });
    expect((await alice("GET", `/api/interactions?contactId=${rosa}`)).json().items).toHaveLength(1);
    expect(w.answers()).toHaveLength(1);
    const boxes = await w.mailboxes();
    expect(boxes[INBOX]).toEqual([]);
    // Two sessions moving one message at the same moment may both copy it (IMAP MOVE is no claim): the reply is
    // filed, perhaps twice, but it acted and was answered once.
    expect(new Set(boxes[PROCESSED]?.map((m) => m.messageId))).toEqual(new Set([boxes[PROCESSED]?.[0]?.messageId]));
  });

  it('two replies saying "done" to the same item log one touch; the second answer says it was done already', async () => {
    const alice = await w.member("Alice", "alice@example.com");
    const rosa = await w.dueContact(alice, "Rosa", "Diaz");
    const digest = await w.digest();
    await w.append(await w.reply(digest, "done"));
    await w.poll();
    await w.append(await w.reply(digest, "Done!"));
    await w.poll();
    expect((await alice("GET", `/api/interactions?contactId=${rosa}`)).json().items).toHaveLength(1);
    expect(w.answers().map((a) => a.text)).toEqual([
      expect.stringContaining("Rosa Diaz: marked done; the touch is logged."),
      expect.stringContaining("Rosa Diaz: already done (or nothing is due); nothing more was logged."),
    ]);
  });

  it('"done" logs the touch and closes the follow-up; "skip" skips it; an HTML-only reply is read too', async () => {
    const alice = await w.member("Alice", "alice@example.com");
    const rosa = await w.dueContact(alice, "Rosa", "Diaz");
    const digest = await w.digest();
    await w.append(await w.reply(digest, "Done!\n\nThanks,\nAlice"));
    await w.poll();
    expect(await followUpOf(alice, rosa)).toMatchObject({ status: "done" });
    expect((await alice("GET", `/api/interactions?contactId=${rosa}`)).json().items).toHaveLength(1);
    expect(w.answers()[0]?.text).toContain("Rosa Diaz: marked done; the touch is logged.");

    // The next day's digest, answered from a client that sends HTML only, in Latin-1, quoted-printable.
    const ada = await w.dueContact(alice, "Ada", "Lovelace");
    const next = await w.digest("2026-11-04T13:00:00.000Z");
    expect(next.text).toContain("1. Ada Lovelace — ");
    const html = [
      "From: Alice <alice@example.com>",
      `To: ${w.dovecot.user}`,
      "Subject: Re: Kith",
      "Message-ID: <html-reply@example.com>",
      `In-Reply-To: ${next.messageId}`,
      "MIME-Version: 1.0",
      "Content-Type: text/html; charset=iso-8859-1",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      '<div dir=3D"ltr"><b>skip</b></div><div>D=E9sol=E9e, pas cette fois</div><br><div class=3D"gmail_quote">On Wed, Nov 4, 2026 =',
      "Kith &lt;kith@kith.test&gt; wrote:<br><blockquote><ol><li>Ada Lovelace</li></ol></blockquote></div>",
    ].join("\r\n");
    await w.append(html);
    expect(await w.poll()).toMatchObject({ handled: 1 });
    expect(await followUpOf(alice, ada)).toMatchObject({ status: "skipped" });
    expect(w.answers()[1]?.text).toContain("Ada Lovelace: skipped this time.");
    // The line beside the command is not acted on; the answer quotes it back, decoded from Latin-1.
    expect(w.answers()[1]?.text).toContain("not used (send a note in a reply of its own):\n  Désolée, pas cette fois");
  });

  it("a multi-item digest: numbered commands act on their items; free text becomes a note on the named one", async () => {
    const alice = await w.member("Alice", "alice@example.com");
    const ids = {
      rosa: await w.dueContact(alice, "Rosa", "Diaz"),
      ada: await w.dueContact(alice, "Ada", "Lovelace"),
      alan: await w.dueContact(alice, "Alan", "Turing"),
    };
    const digest = await w.digest();
    const n = (name: string) => ReplyWorld.numberOf(digest, name);
    expect(digest.text).toContain('with the item\'s number first ("2 done", "#3 snooze 2w")');
    await w.append(await w.reply(digest, `${n("Ada Lovelace")} done\n#${n("Alan Turing")} snooze 10d`));
    await w.poll();
    expect(await followUpOf(alice, ids.ada)).toMatchObject({ status: "done" });
    expect(await followUpOf(alice, ids.alan)).toMatchObject({ status: "snoozed", snoozedUntilOn: "2026-11-13" });
    expect(await followUpOf(alice, ids.rosa)).toMatchObject({ status: "open" });

    await w.append(await w.reply(digest, `#${n("Rosa Diaz")} Had lunch; she is moving to Berlin in March.`));
    await w.poll();
    const rosa = (await alice("GET", `/api/contacts/${ids.rosa}`)).json();
    expect(rosa.notes).toBe("**2026-11-03** (reply to the digest): Had lunch; she is moving to Berlin in March.");
    expect(await followUpOf(alice, ids.rosa)).toMatchObject({ status: "open" });
    expect(w.answers()[1]?.text).toContain('Rosa Diaz: note added ("Had lunch; she is moving to Berlin in March.")');
  });

  it("what is not understood does nothing and is answered with the items and the syntax", async () => {
    const alice = await w.member("Alice", "alice@example.com");
    await w.dueContact(alice, "Rosa", "Diaz");
    await w.dueContact(alice, "Ada", "Lovelace");
    const digest = await w.digest();
    const before = await state();
    await w.append(await w.reply(digest, "done"));
    await w.append(await w.reply(digest, "snooze for a while"));
    expect(await w.poll()).toEqual({ seen: 2, handled: 2, ignored: 0, waiting: 0 });
    const [which, unclear] = w.answers().map((m) => m.text ?? "");
    expect(which).toContain('Nothing was done: the digest had 2 items, and "done" does not say which one');
    expect(unclear).toContain('Nothing was done: "snooze for a while" was not understood.');
    for (const text of [which, unclear]) {
      expect(text).toContain(`${ReplyWorld.numberOf(digest, "Rosa Diaz")}. Rosa Diaz — `);
      expect(text).toContain("snooze 2w   later: 10d, 2w, 1m, 3 days");
    }
    // Only the ledger's record of the replies and their answers changed.
    const [ledgerBefore, , ...restBefore] = JSON.parse(before);
    const [ledgerAfter, , ...restAfter] = JSON.parse(await state());
    expect(restAfter).toEqual(restBefore);
    expect(ledgerAfter.map((r: { kind: string }) => r.kind).sort()).toEqual(
      [...ledgerBefore.map((r: { kind: string }) => r.kind), "reply", "reply", "reply-answer", "reply-answer"].sort(),
    );
  });

  it("an answer that cannot be sent waits in the mailbox and goes out later; the act is not repeated", async () => {
    const alice = await w.member("Alice", "alice@example.com");
    const rosa = await w.dueContact(alice, "Rosa", "Diaz");
    const digest = await w.digest();
    await w.append(await w.reply(digest, "done"));
    await w.sink.stop();
    expect(await w.poll()).toEqual({ seen: 1, handled: 0, ignored: 0, waiting: 1 });
    expect(await followUpOf(alice, rosa)).toMatchObject({ status: "done" });
    await w.sink.start();
    // Before the retry is due, nothing is sent; after it, the answer goes and the reply is filed.
    expect(await w.poll()).toEqual({ seen: 1, handled: 0, ignored: 0, waiting: 1 });
    w.s.clock.set("2026-11-03T13:11:00.000Z");
    expect(await w.poll()).toEqual({ seen: 1, handled: 1, ignored: 0, waiting: 0 });
    expect(w.answers()).toHaveLength(1);
    expect((await alice("GET", `/api/interactions?contactId=${rosa}`)).json().items).toHaveLength(1);
  });
});
