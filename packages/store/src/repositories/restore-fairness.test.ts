import {
  type Deps,
  exportBackup,
  getRestore,
  type Repositories,
  restoreBackup,
  runRestoreJob,
  runRestoreTick,
  startRestore,
} from "@kith/core";
import { smallBackupOf } from "@kith/core/testing/generate-backup";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

/** Small batches, so a few hundred rows make several of them (the default is 200). */
const batchRows = 40;

/** A backup of `n` contacts (tagged, at a few companies), one interaction each, and a follow-up on every tenth. */
const backupOf = (n: number) => smallBackupOf(n, { followUpEvery: 10, settings: { engine: { dailyCap: 9 } } });

/** The store, but the `failAt`th interaction written fails (a disk error, a constraint) — after earlier batches committed. */
function failingAt(deps: Deps, failAt: number): Deps {
  let written = 0;
  const withFailure = (tx: Repositories): Repositories => ({
    ...tx,
    interactions: new Proxy(tx.interactions, {
      get: (target, key) =>
        key === "insert"
          ? async (...args: Parameters<typeof target.insert>) => {
              if (++written === failAt) throw new Error("disk I/O error");
              return target.insert(...args);
            }
          : Reflect.get(target, key),
    }),
  });
  return {
    ...deps,
    store: { ...deps.store, transaction: (fn) => deps.store.transaction((tx) => fn(withFailure(tx))) },
  };
}

/** The store, but each contact the undo deletes (`hardDelete`) is told to `onDelete` first. */
function watchingDeletes(deps: Deps, onDelete: (id: string) => void): Deps {
  const watching = (tx: Repositories): Repositories => ({
    ...tx,
    contacts: new Proxy(tx.contacts, {
      get: (target, key) =>
        key === "hardDelete"
          ? async (accountId: string, id: string) => {
              onDelete(id);
              return target.hardDelete(accountId, id);
            }
          : Reflect.get(target, key),
    }),
  });
  return {
    ...deps,
    store: { ...deps.store, transaction: (fn) => deps.store.transaction((tx) => fn(watching(tx))) },
  };
}

describe.each(DIALECTS)("a restore is fair to other users on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const rowsOf = async (accountId: string) => {
    const count = async (table: "contact" | "company" | "interaction" | "follow_up" | "contact_tag") =>
      Number(
        (
          await w.db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .where("account_id", "=", accountId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const links = await w.db.db
      .selectFrom("interaction_contact")
      .select("contact_id")
      .where("account_id", "=", accountId)
      .execute();
    return {
      contacts: await count("contact"),
      companies: await count("company"),
      interactions: await count("interaction"),
      followUps: await count("follow_up"),
      tags: await count("contact_tag"),
      links: links.length,
    };
  };

  it("writes in bounded batches, letting the event loop turn between them", async () => {
    const n = 3 * batchRows + 10;
    let turns = 0;
    let on = true;
    const tick = () => {
      turns += 1;
      if (on) setImmediate(tick);
    };
    setImmediate(tick);
    const backup = backupOf(n);
    const result = await restoreBackup(w.deps, w.bob, backup, { batchRows });
    on = false;
    expect(result).toMatchObject({
      companies: 3,
      contacts: n,
      interactions: n,
      followUps: backup.followUps.length,
      webhooks: 0,
      relationships: 0,
    });
    // At least one turn per batch of contacts and of interactions; one transaction would have given none on SQLite.
    expect(turns).toBeGreaterThanOrEqual(2 * Math.floor(n / batchRows));
    expect(await rowsOf(w.bob.accountId)).toMatchObject({ contacts: n, interactions: n, companies: 3 });
  });

  it("serves another account's reads between its batches, while the restore is under way", async () => {
    const n = 4 * batchRows;
    // Another member's request on every turn of the event loop: a read of her own account, noting how far the
    // restore had got (its job's point) when she was answered.
    const seen = new Set<string>();
    let on = true;
    const aliceReads = async () => {
      while (on) {
        await new Promise((resolve) => setImmediate(resolve));
        await w.deps.store.accounts.findById(w.alice.accountId);
        const row = await sql<{
          step: string;
          step_index: number;
        }>`select step, step_index from restore_job where status = 'running'`.execute(w.db.db);
        const point = row.rows[0];
        if (point) seen.add(`${point.step}.${point.step_index}`);
      }
    };
    const reading = aliceReads();
    await restoreBackup(w.deps, w.bob, backupOf(n), { batchRows });
    on = false;
    await reading;
    // Her reads were answered at many different points of the restore: between its batches, not after it.
    expect(seen.size).toBeGreaterThanOrEqual(2 * (n / batchRows));
  });

  it("is taken over where it stopped, by another worker, and ends as a restore never stopped", async () => {
    const n = 3 * batchRows + 7;
    const text = JSON.stringify(backupOf(n));
    const job = await startRestore(
      w.deps,
      w.bob,
      (async function* () {
        yield text;
      })(),
    );
    // The first worker's instance stops after three batches (settings, companies, the first contacts).
    const stop = new AbortController();
    let batches = 0;
    const counting: Deps = {
      ...w.deps,
      store: {
        ...w.deps.store,
        transaction: async (fn) => {
          const done = await w.deps.store.transaction(fn);
          batches += 1;
          if (batches === 3) stop.abort();
          return done;
        },
      },
    };
    const ref = { accountId: w.bob.accountId, id: job.id };
    expect(await runRestoreJob(counting, ref, { owner: "first", batchRows, signal: stop.signal })).toBe("stopped");
    expect(await rowsOf(w.bob.accountId)).toMatchObject({ companies: 3, contacts: batchRows, interactions: 0 });
    expect(await getRestore(w.deps, w.bob, job.id)).toMatchObject({ step: "contacts", index: batchRows });
    // Its lease was given back: the next worker's pass takes the job and reads on from its point.
    expect(await runRestoreTick(w.deps, { owner: "second", batchRows })).toBe(1);
    expect(await getRestore(w.deps, w.bob, job.id)).toMatchObject({ status: "committed", error: null });
    const backup = backupOf(n);
    expect(await rowsOf(w.bob.accountId)).toEqual({
      ...{ contacts: n, companies: 3, interactions: n, followUps: backup.followUps.length },
      ...{ tags: n, links: n },
    });
  });

  it("leaves nothing half-written when a batch fails mid-way: rows out again, name and settings as they were", async () => {
    const n = 2 * batchRows + 10;
    const before = await exportBackup(w.deps, w.bob);
    const failing = failingAt(w.deps, batchRows + 5);
    await expect(restoreBackup(failing, w.bob, backupOf(n), { batchRows })).rejects.toThrow("disk I/O error");
    expect(await rowsOf(w.bob.accountId)).toEqual({
      ...{ contacts: 0, companies: 0, interactions: 0, followUps: 0, tags: 0, links: 0 },
    });
    expect(await exportBackup(w.deps, w.bob)).toEqual(before);
    // The account is empty again, so the same backup restores.
    expect(await restoreBackup(w.deps, w.bob, backupOf(n), { batchRows })).toMatchObject({
      contacts: n,
      interactions: n,
    });
    expect(await rowsOf(w.alice.accountId)).toMatchObject({ contacts: 0 });
  });

  it("writes nothing when the backup is broken, naming the field as one parse of the whole would", async () => {
    // Past the first slice the backup is checked in (2,000 rows): the path is still the whole document's.
    const broken = backupOf(2500);
    (broken.contacts[2345] as { firstName: unknown }).firstName = 7;
    await expect(restoreBackup(w.deps, w.bob, broken)).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/^contacts\.2345\.firstName: /),
    });
    const dangling = backupOf(10);
    (dangling.followUps[0] as { contactRef: string }).contactRef = "contact-99";
    await expect(restoreBackup(w.deps, w.bob, dangling)).rejects.toMatchObject({ message: /followUps\.0\.contactRef/ });
    expect(await rowsOf(w.bob.accountId)).toMatchObject({ contacts: 0, companies: 0 });
  });

  it("a failed restore's undo, stopped between batches, goes on where it stopped: each run takes out more", async () => {
    // 450 contacts: three of the undo's batches (200 rows each); the restore fails at its first interaction.
    const n = 450;
    const text = JSON.stringify(backupOf(n));
    const job = await startRestore(
      w.deps,
      w.bob,
      (async function* () {
        yield text;
      })(),
    );
    const ref = { accountId: w.bob.accountId, id: job.id };
    // The first worker's instance stops once the undo has begun (checked before each of its batches).
    const stop = new AbortController();
    const first: string[] = [];
    const failing = watchingDeletes(failingAt(w.deps, 1), (id) => {
      first.push(id);
      stop.abort();
    });
    expect(await runRestoreJob(failing, ref, { owner: "first", batchRows, signal: stop.signal })).toBe("stopped");
    // One batch taken out, committed with the job's move past it.
    expect(first).toHaveLength(200);
    expect(await getRestore(w.deps, w.bob, job.id)).toMatchObject({ status: "running", step: "undo", index: 200 });
    expect(await rowsOf(w.bob.accountId)).toMatchObject({ contacts: n - 200, interactions: 0 });
    // The next worker goes on from there (starting over, a worker killed every second or so never finished).
    const second: string[] = [];
    expect(
      await runRestoreJob(
        watchingDeletes(w.deps, (id) => second.push(id)),
        ref,
        { owner: "second" },
      ),
    ).toBe("failed");
    expect(second).toHaveLength(n - 200);
    expect(new Set([...first, ...second]).size).toBe(n);
    expect((await getRestore(w.deps, w.bob, job.id)).error).toMatch(/^disk I\/O error\. What the restore had written/);
    expect(await rowsOf(w.bob.accountId)).toEqual({
      ...{ contacts: 0, companies: 0, interactions: 0, followUps: 0, tags: 0, links: 0 },
    });
  });
});
