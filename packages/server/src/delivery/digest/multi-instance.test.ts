import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Actor, addFollowUp, createAccountForUser, createContact, type Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { SmtpSink } from "@kith/runtime/testing/smtp-sink";
import { createStore, migrate, type OpenDatabase, openDatabase } from "@kith/store";
import { insertTestUser, TEST_PG_URL } from "@kith/store/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../testing/server-process.ts";

const ACCOUNTS = 1000;
const INSTANCES = 3;
// 08:00 in New York on 2026-11-03.
const AT_8 = "2026-11-03T13:00:00.000Z";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Accounts in New York, each with one follow-up due on the 3rd, made through the services. */
async function seed(deps: Deps, open: OpenDatabase): Promise<void> {
  const one = async (i: number) => {
    const id = `user-${String(i).padStart(4, "0")}`;
    await insertTestUser(open, { id, email: `${id}@example.test`, name: `Owner ${i}` });
    const account = await deps.store.transaction((tx) =>
      createAccountForUser(deps, tx, { id, name: `Owner ${i}` }, { timeZone: "America/New_York" }),
    );
    const actor: Actor = { userId: id, accountId: account.id, role: "owner" };
    const contact = await createContact(deps, actor, { firstName: "Friend", lastName: String(i) });
    await addFollowUp(deps, actor, { contactId: contact.id, dueOn: "2026-11-03", title: "Say hello" });
  };
  for (let i = 0; i < ACCOUNTS; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, ACCOUNTS - i) }, (_, k) => one(i + k)));
  }
}

/**
 * Several real server processes on one PostgreSQL database, each with its own scheduler, race to send 1,000
 * digests; one is killed with SIGKILL mid-run. Every account gets its digest, and exactly one distinct message.
 */
/** Until at most one delivery is unsent (the killed instance's claim, if it held one) twice in a row. */
async function waitUntilOnlyDeadClaimRemains(open: OpenDatabase) {
  let quietPolls = 0;
  for (let i = 0; i < 1200 && quietPolls < 2; i += 1) {
    const unsent = await open.db
      .selectFrom("delivery")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("status", "<>", "sent")
      .executeTakeFirstOrThrow();
    const pending = await open.db
      .selectFrom("account")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("delivery").select("delivery.account_id").whereRef("delivery.account_id", "=", "account.id"),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    quietPolls = Number(unsent.n) + Number(pending.n) <= 1 ? quietPolls + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitForLedger(open: OpenDatabase, expected: number) {
  for (let i = 0; i < 600; i += 1) {
    const sent = await open.db
      .selectFrom("delivery")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("status", "=", "sent")
      .executeTakeFirstOrThrow();
    if (Number(sent.n) >= expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("digest across instances on postgres", () => {
  const database = `kith_multi_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${database}`;
  const clockDir = mkdtempSync(path.join(tmpdir(), "kith-clock-"));
  const sink = new SmtpSink();
  let open: OpenDatabase;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    open = openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
    await migrate(open);
    const deps: Deps = {
      store: createStore(open.db, open.dialect),
      clock: new FakeClock("2026-11-02T15:00:00.000Z"),
      ids: new SequentialIds(),
      secrets: new PlainSecrets(),
    };
    await seed(deps, open);
    await sink.start();
  }, 180_000);

  afterAll(async () => {
    // Even when the test failed or timed out, no instance outlives it.
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
    await Promise.all(servers.map((s) => s.exited));
    await sink.stop();
    await open?.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(clockDir, { recursive: true, force: true });
    // Three server processes and a database to take down: on a loaded 2-core machine this outlasts the default 30 s.
  }, 120_000);

  it("sends one digest per account and period although an instance dies mid-run", async () => {
    const clockFile = path.join(clockDir, "now");
    writeFileSync(clockFile, AT_8);
    const env = {
      ...sink.env(),
      DATABASE_URL: url.toString(),
      KITH_AUTH_SECRET: "multi-instance-secret-multi-instance-secret",
      KITH_PUBLIC_URL: "http://kith.test",
      KITH_CLOCK_FILE: clockFile,
      KITH_SCHEDULER_TICK_SECONDS: "1",
      KITH_DELIVERY_LEASE_SECONDS: "4",
      KITH_DB_POOL: "4",
    };
    servers = Array.from({ length: INSTANCES }, () => startServerProcess(env));
    try {
      await Promise.all(servers.map((s) => s.ready));
      await sink.waitFor(ACCOUNTS / 4);
      servers[0]?.child.kill("SIGKILL");
      expect(await servers[0]?.exited).toBe("SIGKILL");
      // The clock is frozen, so leases never lapse until it moves; moving it lapses every lease at once. Let the
      // survivors finish their own claims first, so that only the dead instance's claim is left to take over.
      await waitUntilOnlyDeadClaimRemains(open);
      // Time moves on past the dead instance's lease (4 s), so the survivors may take its claim over.
      writeFileSync(clockFile, "2026-11-03T13:00:10.000Z");
      const distinct = (messages: readonly { messageId?: string | undefined }[]) =>
        new Set(messages.map((m) => m.messageId)).size;
      await sink.waitUntil((messages) => distinct(messages) >= ACCOUNTS);
      // The dead instance may have handed its last mail to SMTP without recording it: a survivor takes that
      // claim over once the lease lapses, and records it. Wait for the ledger, not only for the mailbox.
      await waitForLedger(open, ACCOUNTS);
    } finally {
      for (const s of servers) s.child.kill("SIGTERM");
      await Promise.all(servers.map((s) => s.exited));
    }
    // Every process has ended: nothing more can arrive, so these counts are final.
    const rows = await open.db.selectFrom("delivery").select(["account_id", "status"]).execute();
    expect(rows).toHaveLength(ACCOUNTS);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const byId = new Map<string, string[]>();
    for (const m of sink.messages) {
      const to = (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address ?? "") ?? []);
      byId.set(m.messageId ?? "", [...(byId.get(m.messageId ?? "") ?? []), ...to]);
    }
    expect(byId.size).toBe(ACCOUNTS);
    const owners = new Set([...byId.values()].map((to) => to[0]));
    expect(owners.size).toBe(ACCOUNTS);
    // The killed instance may have had one mail accepted by SMTP and not yet recorded: it is sent again with the
    // same Message-ID (receivers drop it). Nothing else is ever repeated.
    expect(sink.messages.length - ACCOUNTS).toBeLessThanOrEqual(1);
  }, 300_000);
});
