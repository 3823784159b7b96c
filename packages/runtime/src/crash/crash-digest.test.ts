import path from "node:path";
import { addFollowUp, createAccountForUser, createContact, type Deps } from "@kith/core";
import { PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore, type OpenDatabase } from "@kith/store";
import {
  crashRounds,
  crashStopwatch,
  crashTimeout,
  crashTimings,
  insertTestUser,
  integrityOf,
  openFor,
  runCrashChild,
  useTempDir,
} from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { MailCrashRound } from "../testing/mail-crash-round.ts";
import type { SmtpSink } from "../testing/smtp-sink.ts";
import { DIGEST_LEASE_MS, DIGEST_MORNING } from "./crash-digest-child.ts";

/**
 * The crash suite's digest scenario (docs/RELIABILITY.md): a child process sending the morning digest of many
 * accounts through the real SMTP mailer is killed with SIGKILL at random moments, on SQLite and PostgreSQL, then
 * left to finish. The ledger promises (docs/ARCHITECTURE.md, "Delivery"): every account's digest is sent, and one
 * digest is one Message-ID. A kill between the SMTP server's acceptance and the ledger's `sent` sends that one
 * mail again, with the same Message-ID (no transaction spans a remote SMTP server): at least once at the sink,
 * exactly once per Message-ID, and at most one extra copy per kill. `KITH_CRASH_KILLS` sets the kills (CI: 5); the
 * 40 digests are all sent after some 20–45 kills, so the kills come in rounds (`crashRounds`), each on a fresh
 * database and a fresh SMTP sink, each checked in full when its digests are all sent.
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

/**
 * After any run, killed or not: SQLite is whole, and nothing is settled but as sent (a kill leaves an entry pending,
 * its lease to lapse; never failed).
 */
async function checkAnyRun(location: string) {
  const open = openFor(location);
  try {
    expect(await integrityOf(open)).toBe("ok");
    for (const entry of await ledger(open)) expect(["sent", "pending"]).toContain(entry.status);
  } finally {
    await open.close();
  }
}

/**
 * A round's work done: every account's entry is sent for the morning and its digest reached the sink, always under
 * one Message-ID, with at most one extra copy per kill of the round (the sink is the round's own). Returns the mails.
 */
async function checkDone(location: string, sink: SmtpSink, kills: number): Promise<number> {
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
    expect(digests.length - ACCOUNTS).toBeLessThanOrEqual(kills);
    return digests.length;
  } finally {
    await open.close();
  }
}

describe.each(["sqlite", "postgres"] as const)("digest sending killed at random moments on %s", (dialect) => {
  const tmp = useTempDir("kith-crash-digest-");

  // 15 minutes, or 15 s a kill at the full size (as the store's crash suite), or KITH_CRASH_TIMEOUT_MS.
  const timeout = crashTimeout(KILLS, 900_000);
  it(`${KILLS} kills, then every account's digest is sent: once per Message-ID`, { timeout }, async () => {
    /** Each round's own database and SMTP sink: its ledger and its count of mails start from nothing. */
    const r = await MailCrashRound.open(dialect, tmp.path, (open) => seed(open));
    try {
      // Each restart's clock is past the lease the killed one held (each round's clock starts again: a new ledger).
      const offset = (i: number) => i * (DIGEST_LEASE_MS + 5_000);
      let mails = 0;
      crashTimings();
      const stopwatch = crashStopwatch();
      // 40 digests are all sent after some 20–45 kills: a round ends there, checked, and the next starts afresh.
      const tally = await crashRounds({
        kills: KILLS,
        run: ({ inRound }, cut) =>
          runChild(r.location, r.sink.port, offset(inRound), cut ? Math.floor(Math.random() * 1500) : null),
        check: () => checkAnyRun(r.location),
        endRound: async ({ kills }) => {
          mails += await checkDone(r.location, r.sink, kills);
        },
        nextRound: () => r.next(),
      });
      const { kills, runs, rounds } = tally;
      console.info(`digest crash on ${dialect}: ${kills} kills in ${runs} runs, ${rounds} rounds`);
      console.info(`digest crash on ${dialect}: ${mails} mails for ${rounds} × ${ACCOUNTS} digests`);
      console.info(`digest crash on ${dialect}: ${stopwatch.elapsed()}; children: ${crashTimings()}`);
      expect(kills).toBeGreaterThan(0);
    } finally {
      await r.close();
    }
  });
});
