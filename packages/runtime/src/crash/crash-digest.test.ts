import path from "node:path";
import { addFollowUp, createAccountForUser, createContact, type Deps } from "@kith/core";
import { PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore, migrate, type OpenDatabase } from "@kith/store";
import {
  crashLocation,
  crashTimings,
  insertTestUser,
  integrityOf,
  openFor,
  runCrashChild,
  underSchemaLock,
  useTempDir,
} from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { SmtpSink } from "../testing/smtp-sink.ts";
import { DIGEST_LEASE_MS, DIGEST_MORNING } from "./crash-digest-child.ts";

/**
 * The crash suite's digest scenario (docs/RELIABILITY.md): a child process sending the morning digest of many
 * accounts through the real SMTP mailer is killed with SIGKILL at random moments, on SQLite and PostgreSQL, then
 * left to finish. The ledger promises (docs/ARCHITECTURE.md, "Delivery"): every account's digest is sent, and one
 * digest is one Message-ID. A kill between the SMTP server's acceptance and the ledger's `sent` sends that one
 * mail again, with the same Message-ID (no transaction spans a remote SMTP server): at least once at the sink,
 * exactly once per Message-ID, and at most one extra copy per kill. `KITH_CRASH_KILLS` sets the kills (CI: 5).
 */
const KILLS = Number(process.env.KITH_CRASH_KILLS ?? 5);
const ACCOUNTS = 40;
const child = path.join(path.dirname(new URL(import.meta.url).pathname), "crash-digest-child.ts");

function runChild(location: string, port: number, offsetMs: number, afterMs: number | null) {
  const args = [location, String(port)];
  return runCrashChild({ child, args, clockOffsetMs: offsetMs, killAfterMs: afterMs, name: "digest child" });
}

/** ACCOUNTS accounts in UTC, each with an owner and a follow-up due on the suite's morning (so a digest to send). */
async function seed(open: OpenDatabase) {
  const ids = new SequentialIds();
  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock: { now: () => new Date(Date.parse(DIGEST_MORNING) - 3_600_000) },
    ids: { newId: () => `seed-${ids.newId()}` },
    secrets: new PlainSecrets(),
  };
  for (let i = 0; i < ACCOUNTS; i += 1) {
    const userId = `digest-user-${i}`;
    await insertTestUser(open, { id: userId, email: `owner-${i}@example.test`, name: `Owner ${i}` });
    const account = await deps.store.transaction((tx) =>
      createAccountForUser(deps, tx, { id: userId, name: `Owner ${i}` }, { timeZone: "UTC" }),
    );
    const owner = { userId, accountId: account.id, role: "owner" as const };
    const contact = await createContact(deps, owner, { firstName: `Rosa ${i}` });
    await addFollowUp(deps, owner, { contactId: contact.id, dueOn: DIGEST_MORNING.slice(0, 10), title: "Call" });
  }
}

async function ledger(open: OpenDatabase) {
  return open.db
    .selectFrom("delivery")
    .select(["account_id", "status", "period"])
    .where("kind", "=", "digest-email")
    .orderBy("account_id")
    .execute();
}

describe.each(["sqlite", "postgres"] as const)("digest sending killed at random moments on %s", (dialect) => {
  const tmp = useTempDir("kith-crash-digest-");

  // 15 minutes, or 15 s a kill at the full size (as the store's crash suite).
  const timeout = Math.max(900_000, KILLS * 15_000);
  it(`${KILLS} kills, then every account's digest is sent: once per Message-ID`, { timeout }, async () => {
    const sink = await new SmtpSink().start();
    const { location, dispose } = await crashLocation(dialect, tmp.path);
    try {
      const seeding = openFor(location);
      await (dialect === "postgres" ? underSchemaLock(() => migrate(seeding)) : migrate(seeding));
      await seed(seeding);
      await seeding.close();

      // Each restart's clock is past the lease the killed one held.
      const offset = (i: number) => i * (DIGEST_LEASE_MS + 5_000);
      let kills = 0;
      let finished = false;
      for (let i = 0; i < KILLS && !finished; i += 1) {
        const outcome = await runChild(location, sink.port, offset(i), Math.floor(Math.random() * 1500));
        if (outcome === "killed") kills += 1;
        else finished = true;
        const open = openFor(location);
        try {
          expect(await integrityOf(open)).toBe("ok");
          // Nothing is settled but as sent: a kill leaves an entry pending (its lease lapses), never failed.
          for (const entry of await ledger(open)) expect(["sent", "pending"]).toContain(entry.status);
        } finally {
          await open.close();
        }
      }
      if (!finished) expect(await runChild(location, sink.port, offset(KILLS + 1), null)).toBe("done");

      const open = openFor(location);
      try {
        expect(await integrityOf(open)).toBe("ok");
        const entries = await ledger(open);
        expect(entries).toHaveLength(ACCOUNTS);
        expect(entries.every((e) => e.status === "sent" && e.period === DIGEST_MORNING.slice(0, 10))).toBe(true);
        const accountIds = entries.map((e) => e.account_id);
        const digests = sink.messages.filter((m) => m.messageId?.startsWith("<digest-email."));
        const byAccount = new Map<string, Set<string>>();
        for (const mail of digests) {
          const accountId = accountIds.find((id) => mail.messageId?.startsWith(`<digest-email.${id}.`));
          expect(accountId, `a digest for no account: ${mail.messageId}`).toBeDefined();
          const seen = byAccount.get(accountId as string) ?? new Set<string>();
          seen.add(mail.messageId as string);
          byAccount.set(accountId as string, seen);
        }
        // Every account got its digest, always under one Message-ID; copies only from a kill inside the window.
        expect([...byAccount.keys()].sort()).toEqual([...accountIds].sort());
        expect([...byAccount.values()].every((ids) => ids.size === 1)).toBe(true);
        const copies = digests.length - ACCOUNTS;
        expect(copies).toBeLessThanOrEqual(kills);
        console.log(`digest crash on ${dialect}: ${kills} kills, ${digests.length} mails for ${ACCOUNTS} accounts`);
        console.log(`digest crash on ${dialect}: children: ${crashTimings()}`);
        if (!finished) expect(kills).toBeGreaterThan(0);
      } finally {
        await open.close();
      }
    } finally {
      await sink.stop();
      await dispose();
    }
  });
});
