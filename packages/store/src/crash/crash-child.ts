/**
 * The process the crash suite kills (`crash.test.ts`): it opens the database the parent prepared and does one
 * scenario's work through the real services, printing "working" when it starts and "done" when it ends. Its
 * clock runs `KITH_CRASH_CLOCK_OFFSET_MS` ahead of real time, so each restart is past the leases the killed one held.
 *
 *   node --import tsx crash-child.ts <scenario> <sqlite-data-dir | postgres-schema>
 */
import { readFileSync } from "node:fs";
import {
  type Actor,
  type Deps,
  getImport,
  getRestore,
  mergeContacts,
  resumeImport,
  runImportTick,
  runRestoreTick,
  startRestore,
} from "@kith/core";
import { PlainSecrets, SequentialIds } from "@kith/core/testing";
import { migrate, type OpenDatabase, openDatabase } from "../database.ts";
import { createStore } from "../store.ts";
import { TEST_PG_URL, underSchemaLock } from "../testing/test-databases.ts";

export const CRASH_SCENARIOS = ["import", "merge", "migrate", "restore"] as const;
export type CrashScenario = (typeof CRASH_SCENARIOS)[number];

export function openFor(location: string): OpenDatabase {
  return location.startsWith("pg:")
    ? openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: location.slice(3), poolSize: 2 })
    : openDatabase({ dataDir: location });
}

export function depsFor(open: OpenDatabase, offsetMs: number, idPrefix: string): Deps {
  const ids = new SequentialIds();
  return {
    store: createStore(open.db, open.dialect),
    clock: { now: () => new Date(Date.now() + offsetMs) },
    ids: { newId: () => `${idPrefix}-${ids.newId()}` },
    secrets: new PlainSecrets(),
  };
}

/** The owner of the one account a crash scenario works in. */
/** The restore scenario's latest job (a failed one is followed by a new one). */
export async function latestRestore(open: OpenDatabase, accountId: string) {
  return open.db
    .selectFrom("restore_job")
    .select(["id", "status", "step", "step_index", "error"])
    .where("account_id", "=", accountId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** Where the restore scenario keeps its backup (beside a SQLite database; in the temp dir for PostgreSQL). */
export const restoreBackupFile = () => process.env.KITH_CRASH_BACKUP_FILE ?? "";

export async function ownerOf(deps: Deps): Promise<Actor> {
  const [m] = await deps.store.memberships.listForUser("crash-user");
  if (!m) throw new Error("the crash scenario's account is missing");
  return { userId: "crash-user", accountId: m.accountId, role: "owner" };
}

async function work(scenario: CrashScenario, open: OpenDatabase, deps: Deps): Promise<void> {
  // Test schemas are migrated under one lock on PostgreSQL (see testing/test-databases.ts).
  if (scenario === "migrate") return open.dialect === "postgres" ? underSchemaLock(() => migrate(open)) : migrate(open);
  const owner = await ownerOf(deps);
  if (scenario === "import") {
    const [job] = await deps.store.importJobs.listJobs(owner.accountId, 1);
    if (!job) throw new Error("no import to run");
    // Kills before any chunk committed make the job give up (it says so: "stopped after N attempts without
    // progress"); the member then presses Resume, as this run does.
    if (job.status === "failed") await resumeImport(deps, owner, job.id);
    for (;;) {
      await runImportTick(deps, { owner: `crash-child-${process.pid}` });
      const now = await getImport(deps, owner, job.id);
      if (now.status === "committed") return;
      if (now.status === "failed") await resumeImport(deps, owner, job.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  if (scenario === "restore") {
    for (;;) {
      const job = await latestRestore(open, owner.accountId);
      if (!job) throw new Error("no restore to run");
      if (job.status === "committed") return;
      // A restore given up (kills before any batch, again and again) took out what it wrote: the member restores
      // the same file again, as this run does.
      if (job.status === "failed") {
        const text = readFileSync(restoreBackupFile(), "utf8");
        await startRestore(
          deps,
          owner,
          (async function* () {
            yield text;
          })(),
        );
      }
      await runRestoreTick(deps, { owner: `crash-child-${process.pid}` });
      const now = await getRestore(deps, owner, job.id);
      if (now.status === "committed") return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  // merge: every pair (keep-i, gone-i) whose two contacts are both still there.
  const rows = await open.db.selectFrom("contact").select(["id"]).where("account_id", "=", owner.accountId).execute();
  const ids = new Set(rows.map((r) => r.id));
  for (const id of [...ids].filter((x) => x.startsWith("keep-")).sort()) {
    const gone = id.replace("keep-", "gone-");
    if (ids.has(gone)) await mergeContacts(deps, owner, { keepId: id, mergeId: gone });
  }
}

// The file run, not another child whose name ends the same ("campaign-crash-child.ts" imports this one).
if (/[\\/]crash-child\.(ts|mjs)$/.test(process.argv[1] ?? "")) {
  const [scenario, location] = process.argv.slice(2) as [CrashScenario, string];
  const open = openFor(location);
  const deps = depsFor(open, Number(process.env.KITH_CRASH_CLOCK_OFFSET_MS ?? 0), `c${process.pid}`);
  process.stdout.write("working\n");
  await work(scenario, open, deps);
  await open.close();
  process.stdout.write("done\n");
}
