import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp } from "../testing/test-server.ts";
import { ADA, ALIAS, mail, useMailboxWorld } from "./testing/mailbox-world.ts";

/**
 * The mailbox ledger goes with a backup (issue #15): a mailbox synced, backed up, restored into a fresh account and
 * connected again there logs nothing a second time, and the backup holds no password and no body.
 */
describe.each(DIALECTS)("a mailbox after backup and restore, on a real Dovecot on %s", (dialect) => {
  const w = useMailboxWorld(dialect);

  it("a restored account connecting the same mailbox logs no message twice", async () => {
    await w.contact("Rosa", "rosa@example.com");
    await w.append(
      "INBOX",
      mail({ from: "Rosa <rosa@example.com>", to: ADA, subject: "Coffee?", date: "2026-10-01T09:00:00Z" }),
    );
    await w.append(
      "Sent",
      mail({ from: ADA, to: "rosa@example.com", subject: "Re: Coffee?", date: "2026-10-02T09:00:00Z" }),
    );
    // A stranger's message: in the ledger, no interaction.
    await w.append(
      "INBOX",
      mail({ from: "dave@example.org", to: ADA, subject: "Intro", date: "2026-10-03T09:00:00Z" }),
    );
    expect((await w.ada("PUT", "/api/me/mailbox", w.form({ storeBodies: true }))).statusCode).toBe(200);
    const [first] = await w.tick();
    expect(first).toMatchObject({ messages: 3, logged: 2 });

    const backup = await w.ada("GET", "/api/backup");
    expect(backup.statusCode).toBe(200);
    const body = backup.json();
    expect(body.mailboxMessages).toHaveLength(3);
    expect(body.mailboxMessages.map((m: { readers: string[] }) => m.readers)).toEqual([[ADA], [ADA], [ADA]]);
    expect(body.mailboxMessages.filter((m: { interactionRef: string | null }) => m.interactionRef)).toHaveLength(2);
    // No credential and no stored body leaves the server in a backup.
    expect(backup.body).not.toContain(w.dovecot.pass);
    expect(backup.body).not.toContain("Hi there");

    // Bea restores it into her new account and connects the same mailbox (Ada's addresses are hers here).
    const bea = await signUp(w.s, "Bea", "bea@example.com");
    const restored = await bea.call("POST", "/api/backup/restore", body);
    expect(restored.statusCode).toBe(200);
    expect((await bea.call("GET", "/api/backup")).body).toBe(backup.body);
    const before = (await w.logged()).length;
    expect(before).toBe(4); // Ada's two and their two restored copies in Bea's account
    // A new message as well: the ledger must not keep out what it never held.
    await w.append(
      "INBOX",
      mail({ from: "rosa@example.com", to: ADA, subject: "See you Friday", date: "2026-10-04T09:00:00Z" }),
    );
    const form = w.form({ aliases: [ADA, ALIAS] });
    expect((await bea.call("PUT", "/api/me/mailbox", form)).statusCode).toBe(200);
    await w.tick("instance-b");
    const status = (await bea.call("GET", "/api/me/mailbox/status")).json().status;
    expect(status).toMatchObject({ state: "ok", error: null });
    const timeline = (await bea.call("GET", "/api/interactions?limit=50")).json().items as { summary: string }[];
    expect(timeline.map((i) => i.summary).sort()).toEqual(["Coffee?", "Re: Coffee?", "See you Friday"]);
  });
});
