import { MailboxWatcher, runMailboxSyncTick } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { mailboxIdleJob } from "./mailbox-sync-job.ts";
import { ADA, mail, useMailboxWorld } from "./testing/mailbox-world.ts";

/** Waits until `check` holds (the IDLE push arrives on its own time), at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("did not happen in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(DIALECTS)("IMAP IDLE on a real Dovecot on %s", (dialect) => {
  const w = useMailboxWorld(dialect);

  it("a message appended while the inbox is watched is logged within seconds, without a poll tick", async () => {
    await w.contact("Rosa", "rosa@example.com");
    expect((await w.ada("PUT", "/api/me/mailbox", w.form())).statusCode).toBe(200);
    // The first run reads the (empty) mailbox; the next poll is 5 minutes away on the test's clock, which stands still.
    await w.tick("instance-a", 0);
    const deps = w.deps();
    let kicks = 0;
    const runs: Promise<unknown>[] = [];
    // What the server's kick does: a pass of the `mailboxes` job, here and now.
    const sync = () => {
      kicks += 1;
      runs.push(runMailboxSyncTick(deps, { owner: "instance-a" }));
    };
    const a = new MailboxWatcher(deps, { owner: "instance-a", maxConnections: 5, onNewMail: sync });
    const b = new MailboxWatcher(deps, { owner: "instance-b", maxConnections: 5, onNewMail: sync });
    try {
      expect(await a.pass()).toMatchObject({ watching: 1, started: 1 });
      // One watch per mailbox across instances: the other instance finds it leased.
      expect(await b.pass()).toMatchObject({ watching: 0, started: 0 });
      await w.append(
        "INBOX",
        mail({ from: "Rosa <rosa@example.com>", to: ADA, subject: "Pushed", date: "2026-10-20T10:00:00Z" }),
      );
      await eventually(async () => (await w.logged()).some((i) => i.summary === "Pushed"));
      await Promise.all(runs);
      expect(kicks).toBeGreaterThanOrEqual(1);
      expect((await w.logged()).filter((i) => i.summary === "Pushed")).toHaveLength(1);

      // Disconnected: the watch ends at the next pass, and its lease with it.
      expect((await w.ada("DELETE", "/api/me/mailbox")).statusCode).toBe(204);
      expect(await a.pass()).toMatchObject({ watching: 0, ended: 1 });
    } finally {
      await a.stop();
      await b.stop();
      await Promise.all(runs);
    }
  }, 60_000);

  it("keeps at most its bound of connections, hands a stopped instance's watch to another, and reconnects with backoff", async () => {
    expect((await w.ada("PUT", "/api/me/mailbox", w.form())).statusCode).toBe(200);
    const deps = w.deps();
    const none = mailboxIdleJob(deps, { maxConnections: 0, onNewMail: () => undefined, owner: "zero" });
    expect(await none.run(new AbortController().signal)).toBeNull();
    const job = mailboxIdleJob(deps, { maxConnections: 1, onNewMail: () => undefined, owner: "instance-a" });
    expect(await job.run(new AbortController().signal)).toMatchObject({ watching: 1, started: 1 });
    const row = () => w.s.db.db.selectFrom("mailbox").select(["idle_owner", "idle_until_at"]).executeTakeFirstOrThrow();
    expect((await row()).idle_owner).toBe("instance-a");
    // The runner stops: the connection closes and the lease is given back, so another instance takes it at once.
    await job.stop!();
    expect((await row()).idle_owner).toBeNull();
    const other = new MailboxWatcher(deps, { owner: "instance-b", maxConnections: 1, onNewMail: () => undefined });
    try {
      expect(await other.pass()).toMatchObject({ watching: 1 });
      // The server goes away: the watch is down and waits its backoff (30 s) before it connects again.
      await w.dovecot.stop();
      await eventually(async () => other.watching === 0);
      // Back (a fresh Dovecot on another port: the member saves it), but the watch waits out its backoff first.
      await w.dovecot.start();
      expect((await w.ada("PUT", "/api/me/mailbox", w.form())).statusCode).toBe(200);
      expect(await other.pass()).toMatchObject({ watching: 0, started: 0 });
      w.s.clock.set(new Date(w.s.clock.now().getTime() + 31_000).toISOString());
      expect(await other.pass()).toMatchObject({ watching: 1, started: 1 });
    } finally {
      await other.stop();
    }
  }, 60_000);
});
