import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import type { OpenDatabase } from "../database.ts";
import type { Dialect } from "../schema.ts";
import { TEST_PG_URL, underSchemaLock } from "./test-databases.ts";

export { openFor } from "../crash/crash-child.ts";

/**
 * Where a crash scenario's database lives, named so a child process can open it (`openFor`): a SQLite folder under
 * `dir`, or a PostgreSQL schema of the test database made for it. `dispose` drops the schema.
 */
export async function crashLocation(
  dialect: Dialect,
  dir: string,
): Promise<{ location: string; dispose: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const location = path.join(dir, "data");
    mkdirSync(location, { recursive: true });
    return { location, dispose: async () => {} };
  }
  const schema = `cr_${Math.random().toString(16).slice(2, 14)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await underSchemaLock(() => admin.query(`CREATE SCHEMA ${schema}`));
  return {
    location: `pg:${schema}`,
    dispose: async () => {
      await underSchemaLock(() => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
      await admin.end();
    },
  };
}

/** SQLite's integrity check ("ok" when whole); PostgreSQL has none to run, and answers "ok". */
export async function integrityOf(open: OpenDatabase): Promise<string> {
  if (open.dialect !== "sqlite") return "ok";
  const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(open.db);
  return rows.rows.map((r) => r.integrity_check).join("; ");
}

/**
 * Runs a crash child (`node --import tsx <child> ...args`): it prints "working" when its work starts and "done" when
 * it ends. With `killAfterMs`, it is killed with SIGKILL that long after "working" ("killed"); with null it runs to
 * its end ("done"). Its clock is moved on by `clockOffsetMs` (KITH_CRASH_CLOCK_OFFSET_MS), so leases a killed run
 * held have lapsed for the next one. With `killWhen`, the `killAfterMs` wait starts once it answers true (asked
 * every 25 ms after "working"): a kill aimed at a stage of the work. Any other ending rejects with the tail of its
 * stderr, named `name`.
 */
export function runCrashChild(opts: {
  child: string;
  args: readonly string[];
  clockOffsetMs: number;
  killAfterMs: number | null;
  killWhen?: () => Promise<boolean>;
  name: string;
}): Promise<"killed" | "done"> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", opts.child, ...opts.args], {
      env: { ...process.env, KITH_CRASH_CLOCK_OFFSET_MS: String(opts.clockOffsetMs) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let killing = false;
    let exited = false;
    const kill = (afterMs: number) => setTimeout(() => proc.kill("SIGKILL"), afterMs);
    const killOnceReady = async (afterMs: number, ready: () => Promise<boolean>) => {
      while (!exited && !(await ready())) await new Promise((r) => setTimeout(r, 25));
      if (!exited) kill(afterMs);
    };
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (opts.killAfterMs !== null && !killing && out.includes("working")) {
        killing = true;
        if (opts.killWhen) killOnceReady(opts.killAfterMs, opts.killWhen).catch(reject);
        else kill(opts.killAfterMs);
      }
    });
    proc.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    proc.on("exit", (code, signal) => {
      exited = true;
      if (signal === "SIGKILL") return resolve("killed");
      if (code === 0 && out.includes("done")) return resolve("done");
      reject(new Error(`the ${opts.name} exited ${code ?? signal}: ${err.slice(-2000)}`));
    });
  });
}
