import { generateBackupJson } from "@kith/core/testing/generate-backup";
import { generateLinkedInExport } from "@kith/core/testing/generate-linkedin-export";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Engine,
  type FairnessServer,
  longestGap,
  observeWarm,
  p99,
  startFairnessServer,
  summary,
  waitForImport,
  waitForRestore,
  within,
} from "./testing/fairness-harness.ts";

/**
 * Fairness, measured: while account A imports a large LinkedIn file and then keeps the import queue full of
 * one-row files, and while account R restores a large backup, account B's requests (today, a contact search, the
 * health check) keep answering, each fast. The real server in its own process (its heavy jobs in their thread,
 * `jobs/threaded-jobs.ts`) on a SQLite file (or PostgreSQL); the test process only sends requests and times them.
 * Only B's requests sent and answered while A's (or R's) work ran count, and A's jobs must cover that whole window.
 *
 * A timed test, so it runs alone (`npm run test:fairness`, its own vitest config, in `npm test` after the other
 * suites), never beside other test files that would take the cores from it; B's p99 alone is logged first, to tell a slow machine
 * from a stall. KITH_FAIRNESS_ROWS sizes A's import (20,000 by default), KITH_FAIRNESS_SMALL_IMPORTS the one-row
 * imports (30), KITH_FAIRNESS_RESTORE_CONTACTS and KITH_FAIRNESS_RESTORE_INTERACTIONS R's backup (5,000 and
 * 20,000: about 10 MB, so answered 202 and checked by the job); KITH_FAIRNESS_ENGINES which databases
 * (both by default, `sqlite,postgres`: PostgreSQL in a fresh database on 127.0.0.1:5432; `sqlite` alone where no
 * PostgreSQL runs).
 */
const IMPORT_ROWS = Number(process.env.KITH_FAIRNESS_ROWS ?? 20_000);
const SMALL_IMPORTS = Number(process.env.KITH_FAIRNESS_SMALL_IMPORTS ?? 30);
const RESTORE_CONTACTS = Number(process.env.KITH_FAIRNESS_RESTORE_CONTACTS ?? 5_000);
const RESTORE_INTERACTIONS = Number(process.env.KITH_FAIRNESS_RESTORE_INTERACTIONS ?? 20_000);
const ENGINES = (process.env.KITH_FAIRNESS_ENGINES ?? "sqlite,postgres").split(",") as Engine[];
const P99_BOUND_MS = 100;
/** The longest time within B's window when none of A's imports was queued or running. */
const MAX_IDLE_GAP_MS = 2000;

describe.each(ENGINES)("fairness on %s: another account while one imports or restores", (engine) => {
  let kith: FairnessServer;

  beforeAll(async () => {
    kith = await startFairnessServer(engine);
  }, 180_000);

  afterAll(async () => {
    await kith?.close();
  }, 60_000);

  it(`keeps B's p99 under ${P99_BOUND_MS} ms while A imports ${IMPORT_ROWS} rows and queues one-row imports`, async () => {
    const { url, parties, priorities } = kith;
    const a = { authorization: `Bearer ${parties.importer.token}` };
    const big = generateLinkedInExport(IMPORT_ROWS, 23).content;
    // B alone first, for the log: what the machine gives when nobody else works.
    const { b, idle } = await observeWarm(url, parties.observer.token);

    const from = Date.now();
    const queued = await fetch(`${url}/api/imports?fileName=Connections.csv`, {
      method: "POST",
      headers: { ...a, "content-type": "text/csv" },
      body: big,
    });
    expect(queued.status).toBe(202);
    const job = (await queued.json()) as { id: string };
    const imported = await waitForImport(url, a, job.id);
    expect(imported.status).toBe("committed");
    expect(imported.created).toBeGreaterThan(IMPORT_ROWS / 2);
    const bigEnded = Date.parse(imported.finishedAt ?? "");

    // Then one-row imports, as many as the account may queue, topped up as each ends (a 429 is A's limit).
    const small: string[] = [];
    let refused = 0;
    while (small.length < SMALL_IMPORTS) {
      const res = await fetch(`${url}/api/imports?fileName=one-${small.length}.csv`, {
        method: "POST",
        headers: { ...a, "content-type": "text/csv" },
        body: generateLinkedInExport(1, 100 + small.length).content,
      });
      if (res.status === 202) small.push(((await res.json()) as { id: string }).id);
      else if (res.status === 429) {
        refused += 1;
        await new Promise((r) => setTimeout(r, 50));
      } else expect.fail(`queueing a one-row import answered ${res.status}`);
    }
    const ends = [imported];
    for (const id of small) ends.push(await waitForImport(url, a, id));
    await b.stop();
    for (const end of ends) expect(end.status).toBe("committed");

    // B's window: from A's first upload to the end of A's last job; A's jobs cover it.
    const spans = ends.map((end) => ({ from: Date.parse(end.createdAt), to: Date.parse(end.finishedAt ?? "") }));
    const to = Math.max(...spans.map((span) => span.to));
    const samples = within(b.samples, from, to);
    const gap = longestGap(spans, Date.parse(imported.createdAt), to);
    const { all, line } = summary(samples, idle);
    const duringImport = samples.filter((s) => s.doneAt <= bigEnded).length;
    console.log(
      `fairness (import, ${engine}, nice ${priorities.server}/${priorities.client}): ${line}; ${duringImport} during the ${IMPORT_ROWS}-row import; ` +
        `A's one-row imports refused for the limit ${refused} times; A idle at most ${gap} ms of B's ${to - from} ms`,
    );
    expect(b.errors).toEqual([]);
    expect(gap).toBeLessThan(MAX_IDLE_GAP_MS);
    expect(duringImport).toBeGreaterThan(50);
    expect(p99(all)).toBeLessThan(P99_BOUND_MS);
  }, 600_000);

  it(`keeps B's p99 under ${P99_BOUND_MS} ms while R restores ${RESTORE_CONTACTS} contacts and ${RESTORE_INTERACTIONS} interactions`, async () => {
    const { url, parties, priorities } = kith;
    const r = { authorization: `Bearer ${parties.restorer.token}` };
    const backup = generateBackupJson(RESTORE_CONTACTS, RESTORE_INTERACTIONS, 11);
    const { b, idle } = await observeWarm(url, parties.observer.token);

    // B's window: from R's upload until its restore has committed (one job, running all along).
    const from = Date.now();
    const queued = await fetch(`${url}/api/backup/restore`, {
      method: "POST",
      headers: { ...r, "content-type": "application/json" },
      body: backup,
    });
    expect(queued.status).toBe(202);
    const job = (await queued.json()) as { id: string };
    const restored = await waitForRestore(url, r, job.id);
    const to = Date.now();
    await b.stop();
    expect(restored).toMatchObject({ status: "committed", error: null, counts: { contacts: RESTORE_CONTACTS } });

    const { all, line } = summary(within(b.samples, from, to), idle);
    console.log(
      `fairness (restore, ${engine}, nice ${priorities.server}/${priorities.client}): ${line}; a ${(backup.length / 1e6).toFixed(1)} MB backup`,
    );
    expect(b.errors).toEqual([]);
    expect(all.length).toBeGreaterThan(50);
    expect(p99(all)).toBeLessThan(P99_BOUND_MS);
  }, 600_000);
});
