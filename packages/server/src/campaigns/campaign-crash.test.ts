import path from "node:path";
import {
  type Actor,
  createAccountForUser,
  createCampaign,
  createContact,
  type Deps,
  getCampaign,
  logInteraction,
  markRecipientSent,
  retryRecipient,
  saveMemberSmtp,
  sendCampaign,
} from "@kith/core";
import { MailCrashRound } from "@kith/runtime/testing/mail-crash-round";
import type { SmtpSink } from "@kith/runtime/testing/smtp-sink";
import type { OpenDatabase } from "@kith/store";
import {
  crashRounds,
  crashStopwatch,
  crashTimeout,
  crashTimings,
  insertTestUser,
  runCrashChild,
  useTempDir,
} from "@kith/store/testing";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  CRASH_USER,
  depsFor,
  MESSAGE_ID_HOST,
  memberMailer,
  openFor,
  ownerOf,
  sendingOf,
} from "./campaign-crash-child.ts";

/**
 * The test: a Thanksgiving campaign to a circle sends one message per person, counted at a real SMTP
 * server, and logs one touch each, even when the sender process is killed (SIGKILL) and restarted mid-batch, on
 * SQLite and PostgreSQL. A row a killed sender left `sending` is `unknown`; the test then does what the member
 * does: looks for its Message-ID in what was sent (here the SMTP server's inbox, for the member their Sent
 * folder) and marks it sent, or sends it again.
 * `KITH_CRASH_KILLS` sets the kills per engine (default 5); the 30 messages are all settled after about 8 kills, so
 * the kills come in rounds (`crashRounds`), each on a fresh database and a fresh SMTP server, each checked in full.
 */
const KILLS = Number(process.env.KITH_CRASH_KILLS ?? 5);
const PEOPLE = 30;
const child = path.join(path.dirname(new URL(import.meta.url).pathname), "campaign-crash-child.ts");

function runChild(location: string, offsetMs: number, afterMs: number | null) {
  const name = "campaign sender";
  return runCrashChild({ child, args: [location], clockOffsetMs: offsetMs, killAfterMs: afterMs, name });
}

type Seeded = { owner: Actor; campaignId: string };

async function seed(open: OpenDatabase, deps: Deps, smtpPort: number): Promise<Seeded> {
  await insertTestUser(open, { id: CRASH_USER, email: "alice@example.com", name: "Alice" });
  await deps.store.transaction((tx) => createAccountForUser(deps, tx, { id: CRASH_USER, name: "Alice" }, {}));
  const owner = await ownerOf(deps);
  for (let i = 0; i < PEOPLE; i += 1) {
    const n = String(i).padStart(2, "0");
    const c = await createContact(deps, owner, {
      firstName: `Zoë ${n}`,
      lastName: "Ñúñez",
      emails: [{ address: `zoe.${n}@example.com` }],
      circle: "network",
    });
    if (i % 3 === 0) {
      await logInteraction(deps, owner, {
        contactIds: [c.id],
        kind: "meeting",
        direction: "mutual",
        summary: `Talked about robot ${n}`,
        occurredAt: "2026-06-01T10:00:00.000Z",
      });
    }
  }
  await createContact(deps, owner, { firstName: "Close", emails: [{ address: "close@example.com" }], circle: "close" });
  const campaign = await createCampaign(deps, owner, {
    occasion: { kind: "thanksgiving" },
    segment: { circle: "network" },
    myUpdate: "We adopted a dog.",
  });
  await saveMemberSmtp(sendingOf(deps), owner, {
    host: "127.0.0.1",
    port: smtpPort,
    security: "none",
    fromName: "Alice",
    fromAddress: "alice@example.com",
  });
  await sendCampaign(deps, memberMailer(deps), owner, campaign.id);
  return { owner, campaignId: campaign.id };
}

const messageIdOf = (sendKey: string) => `<${sendKey}@${MESSAGE_ID_HOST}>`;

/** After any kill: nobody got two messages, and every message recorded as sent has exactly one touch. */
async function checkInvariant(open: OpenDatabase, sink: SmtpSink, owner: Actor, campaignId: string, final: boolean) {
  const deps = depsFor(open, 0, "check");
  const campaign = await getCampaign(deps, owner, campaignId);
  const perAddress = new Map<string, number>();
  for (const m of sink.messages) {
    const to = m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : undefined;
    perAddress.set(to ?? "?", (perAddress.get(to ?? "?") ?? 0) + 1);
  }
  expect(
    [...perAddress.values()].every((n) => n === 1),
    "someone got two messages",
  ).toBe(true);
  expect(campaign.recipients).toHaveLength(PEOPLE);
  for (const r of campaign.recipients) {
    const touches = await open.db
      .selectFrom("interaction")
      .innerJoin("interaction_contact as ic", "ic.interaction_id", "interaction.id")
      .select("interaction.id")
      .where("interaction.account_id", "=", owner.accountId)
      .where("interaction.summary", "like", `${campaign.name}:%`)
      .where("ic.contact_id", "=", r.contactId)
      .execute();
    const done = r.status === "sent" || r.status === "marked-sent";
    expect(touches.length, `${r.displayName} is ${r.status}`).toBe(done ? 1 : 0);
    if (r.status === "sent") expect(perAddress.get(r.email!)).toBe(1);
    if (final) {
      expect(r.status).toBe(
        r.sendKey && sink.messages.some((m) => m.messageId === messageIdOf(r.sendKey!)) ? r.status : "x",
      );
      expect(perAddress.get(r.email!), `${r.email} got one message`).toBe(1);
      expect(done).toBe(true);
    }
  }
  if (final) {
    expect(campaign.status).toBe("sent");
    expect(sink.messages).toHaveLength(PEOPLE);
  }
}

async function integrity(open: OpenDatabase) {
  if (open.dialect !== "sqlite") return;
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(open.db);
  expect(rows.map((r) => r.integrity_check)).toEqual(["ok"]);
}

/** After any run: SQLite is whole, and the campaign's invariant holds (the round's own sink counts the messages). */
async function checkAnyRun(location: string, sink: SmtpSink, seeded: Seeded, final: boolean) {
  const open = openFor(location);
  try {
    await integrity(open);
    await checkInvariant(open, sink, seeded.owner, seeded.campaignId, final);
  } finally {
    await open.close();
  }
}

/**
 * The member settles each message a killed sender left `unknown`, as the app asks them to: found among what was sent
 * (here the SMTP server's inbox; for the member their Sent folder) → mark it sent; else send it again. Returns how
 * many there were.
 */
async function settleUnknown(location: string, sink: SmtpSink, seeded: Seeded, offsetMs: number): Promise<number> {
  const open = openFor(location);
  try {
    const deps = depsFor(open, offsetMs, "member");
    const mailer = memberMailer(deps);
    const { owner, campaignId } = seeded;
    const unknown = (await getCampaign(deps, owner, campaignId)).recipients.filter((r) => r.status === "unknown");
    for (const r of unknown) {
      const found = sink.messages.some((m) => m.messageId === messageIdOf(r.sendKey!));
      if (found) await markRecipientSent(deps, owner, campaignId, r.contactId);
      else await retryRecipient(deps, mailer, owner, campaignId, r.contactId);
    }
    return unknown.length;
  } finally {
    await open.close();
  }
}

describe.each(["sqlite", "postgres"] as const)("a campaign's sender killed mid-batch on %s", (dialect) => {
  const tmp = useTempDir("kith-campaign-crash-");

  // 10 minutes, or 15 s a kill at the full size (as the store's crash suite), or KITH_CRASH_TIMEOUT_MS.
  const timeout = crashTimeout(KILLS, 600_000);
  it(`sends one message per person and logs one touch each through ${KILLS} kills`, { timeout }, async () => {
    /** Each round's own database and SMTP server: its campaign and its count of messages start from nothing. */
    const r = await MailCrashRound.open(dialect, tmp.path, (seeding, sink) =>
      seed(seeding, depsFor(seeding, 0, "seed"), sink.port),
    );
    try {
      const offset = (i: number) => i * 120_000;
      let unknownSettled = 0;
      crashTimings();
      const stopwatch = crashStopwatch();
      // The 30 messages are all settled after about 8 kills: a round ends there and the next starts afresh.
      const tally = await crashRounds({
        kills: KILLS,
        run: ({ inRound }, cut) => runChild(r.location, offset(inRound), cut ? Math.floor(Math.random() * 1500) : null),
        check: () => checkAnyRun(r.location, r.sink, r.seeded, false),
        // The sender found nothing left to send: the member settles what is unknown, a sender runs again (it sends
        // what was retried), and the round is checked as the end.
        endRound: async ({ runs }) => {
          unknownSettled += await settleUnknown(r.location, r.sink, r.seeded, offset(runs));
          expect(await runChild(r.location, offset(runs + 1), null)).toBe("done");
          await checkAnyRun(r.location, r.sink, r.seeded, true);
        },
        nextRound: () => r.next(),
      });
      const { kills, runs, rounds } = tally;
      console.info(`campaign crash on ${dialect}: ${kills} kills in ${runs} runs, ${rounds} rounds`);
      console.info(`campaign crash on ${dialect}: ${unknownSettled} unknown settled (one settling run a round)`);
      console.info(`campaign crash on ${dialect}: ${stopwatch.elapsed()}; children: ${crashTimings()}`);
      expect(kills).toBeGreaterThan(0);
    } finally {
      await r.close();
    }
  });
});
