import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
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
import { SmtpSink } from "@kith/runtime/testing/smtp-sink";
import { migrate, type OpenDatabase } from "@kith/store";
import {
  crashTimings,
  insertTestUser,
  runCrashChild,
  TEST_PG_URL,
  underSchemaLock,
  useTempDir,
} from "@kith/store/testing";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
 * `KITH_CRASH_KILLS` sets the kills per engine (default 5).
 */
const KILLS = Number(process.env.KITH_CRASH_KILLS ?? 5);
const PEOPLE = 30;
const child = path.join(path.dirname(new URL(import.meta.url).pathname), "campaign-crash-child.ts");

function runChild(location: string, offsetMs: number, afterMs: number | null) {
  const name = "campaign sender";
  return runCrashChild({ child, args: [location], clockOffsetMs: offsetMs, killAfterMs: afterMs, name });
}

async function seed(open: OpenDatabase, deps: Deps, smtpPort: number): Promise<{ owner: Actor; campaignId: string }> {
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

describe.each(["sqlite", "postgres"] as const)("a campaign's sender killed mid-batch on %s", (dialect) => {
  const tmp = useTempDir("kith-campaign-crash-");
  const sink = new SmtpSink();
  beforeAll(async () => {
    await sink.start();
  });
  afterAll(async () => {
    await sink.stop();
  });

  // 10 minutes, or 15 s a kill at the full size (as the store's crash suite).
  const timeout = Math.max(600_000, KILLS * 15_000);
  it(`sends one message per person and logs one touch each through ${KILLS} kills`, { timeout }, async () => {
    sink.messages.length = 0;
    let location = path.join(tmp.path, "data");
    let dropSchema = async () => {};
    if (dialect === "sqlite") {
      mkdirSync(location, { recursive: true });
    } else {
      const schema = `cc_${randomBytes(6).toString("hex")}`;
      location = `pg:${schema}`;
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await underSchemaLock(() => admin.query(`CREATE SCHEMA ${schema}`));
      dropSchema = async () => {
        await underSchemaLock(() => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
        await admin.end();
      };
    }
    try {
      const seeding = openFor(location);
      await (dialect === "postgres" ? underSchemaLock(() => migrate(seeding)) : migrate(seeding));
      const { owner, campaignId } = await seed(seeding, depsFor(seeding, 0, "seed"), sink.port);
      await seeding.close();

      const offset = (i: number) => i * 120_000;
      let kills = 0;
      let runs = 0;
      for (let run = 0; run < KILLS; run += 1) {
        runs += 1;
        const outcome = await runChild(location, offset(run), Math.floor(Math.random() * 1500));
        if (outcome === "killed") kills += 1;
        const open = openFor(location);
        try {
          await integrity(open);
          await checkInvariant(open, sink, owner, campaignId, false);
        } finally {
          await open.close();
        }
        if (outcome === "done") break;
      }
      expect(await runChild(location, offset(KILLS + 1), null)).toBe("done");

      let unknownSettled = 0;
      // The member settles each unknown message: found among what was sent → mark it sent; else send it again.
      const open = openFor(location);
      try {
        const deps = depsFor(open, offset(KILLS + 2), "member");
        const mailer = memberMailer(deps);
        const unknown = (await getCampaign(deps, owner, campaignId)).recipients.filter((r) => r.status === "unknown");
        unknownSettled = unknown.length;
        for (const r of unknown) {
          const found = sink.messages.some((m) => m.messageId === messageIdOf(r.sendKey!));
          if (found) await markRecipientSent(deps, owner, campaignId, r.contactId);
          else await retryRecipient(deps, mailer, owner, campaignId, r.contactId);
        }
      } finally {
        await open.close();
      }
      expect(await runChild(location, offset(KILLS + 3), null)).toBe("done");
      const last = openFor(location);
      try {
        await integrity(last);
        await checkInvariant(last, sink, owner, campaignId, true);
      } finally {
        await last.close();
      }
      console.info(`campaign crash on ${dialect}: ${kills} kills in ${runs} runs, ${unknownSettled} unknown settled`);
      console.info(`campaign crash on ${dialect}: children: ${crashTimings()}`);
      expect(kills).toBeGreaterThan(0);
    } finally {
      await dropSchema();
    }
  });
});
