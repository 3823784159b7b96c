import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openFor } from "../crash/crash-child.ts";
import { migrate, type OpenDatabase } from "../database.ts";
import type { Dialect } from "../schema.ts";
import { TEST_PG_URL, underSchemaLock } from "./test-databases.ts";

export { openFor };

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
/**
 * A round's database made ready: opened at `location`, migrated (on PostgreSQL under the schema lock, as parallel
 * test files migrate), given to `seed`, and closed again, so each child run opens it afresh.
 */
export async function seedAt<T>(location: string, seed: (open: OpenDatabase) => Promise<T>): Promise<T> {
  const open = openFor(location);
  try {
    await (open.dialect === "postgres" ? underSchemaLock(() => migrate(open)) : migrate(open));
    return await seed(open);
  } finally {
    await open.close();
  }
}

export async function integrityOf(open: OpenDatabase): Promise<string> {
  if (open.dialect !== "sqlite") return "ok";
  const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(open.db);
  return rows.rows.map((r) => r.integrity_check).join("; ");
}

/**
 * A crash test's timeout: 15 s a kill, at least `floorMs` (200 kills on a loaded 2-core machine outlast 15 minutes),
 * or `KITH_CRASH_TIMEOUT_MS` when set (a full-size run sharing the machine with other work; it only ever raises it).
 */
export function crashTimeout(kills: number, floorMs: number): number {
  const byKills = Math.max(floorMs, kills * 15_000);
  return Math.max(byKills, Number(process.env.KITH_CRASH_TIMEOUT_MS ?? 0));
}

/**
 * Starts a crash test's stopwatch: `elapsed()` says the minutes since, and the machine's 1-minute load average then
 * and now ("4.3 min, load 10.1 → 5.7"), for the record of a full-size run.
 */
export function crashStopwatch(): { elapsed: () => string } {
  const startedAt = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  return {
    elapsed: () => {
      const minutes = ((performance.now() - startedAt) / 60_000).toFixed(1);
      return `${minutes} min, load ${loadAtStart.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`;
    },
  };
}

/** What a crash scenario's rounds came to: the kills landed, the runs (the last, uncut one included), the rounds. */
export interface CrashTally {
  kills: number;
  runs: number;
  rounds: number;
}

/**
 * Runs a crash scenario until `kills` kills have landed, in rounds (as the store's suite, `crash/crash.test.ts`):
 * `run({ inRound, kills }, cut)` starts the child for the `inRound`-th time in its round (from 0: each round's
 * database is new, so its clock may start again), the kills so far landed, and kills it at a random moment (`cut`)
 * or lets it finish (`cut` false). After every run, `check` runs the checks that hold after any kill. A run that
 * completes the work ends its round: `endRound` checks it as a last run is checked (told the round's own kills, e.g.
 * for "at most one extra copy per kill"), and `nextRound` sets up a fresh one (a fresh database, a fresh SMTP sink).
 * Kills are counted, not runs, so a scenario whose work is done after a few kills takes all of them too; runs are
 * capped at 3 × kills + 10 so a child that will not be killed cannot loop forever. Once the kills are spent, a last
 * run left alone completes the round in hand, checked as any.
 */
export async function crashRounds(opts: {
  kills: number;
  run: (at: { inRound: number; kills: number }, cut: boolean) => Promise<"killed" | "done">;
  check: (outcome: "killed" | "done") => Promise<void>;
  endRound: (round: { kills: number; runs: number }) => Promise<void>;
  nextRound: () => Promise<void>;
}): Promise<CrashTally> {
  const tally: CrashTally = { kills: 0, runs: 0, rounds: 1 };
  let round = { kills: 0, runs: 0 };
  while (tally.kills < opts.kills && tally.runs < 3 * opts.kills + 10) {
    const outcome = await opts.run({ inRound: round.runs, kills: tally.kills }, true);
    tally.runs += 1;
    round.runs += 1;
    if (outcome === "killed") {
      tally.kills += 1;
      round.kills += 1;
    }
    await opts.check(outcome);
    if (outcome === "done") {
      await opts.endRound(round);
      await opts.nextRound();
      tally.rounds += 1;
      round = { kills: 0, runs: 0 };
    }
  }
  const last = await opts.run({ inRound: round.runs, kills: tally.kills }, false);
  tally.runs += 1;
  round.runs += 1;
  if (last !== "done") throw new Error(`the last run, left alone, ended ${last}`);
  await opts.check(last);
  await opts.endRound(round);
  return tally;
}

/** Packages a child leaves to node_modules: native code (loaded beside its own files), and what it never loads. */
const UNBUNDLED = new Set(["better-sqlite3", "pg-native", "esbuild"]);
const bundles = new Map<string, Promise<string>>();

/** Where a child's time went, summed over the runs since the last `crashTimings()`: start-up, then its work. */
const spent = { runs: 0, startMs: 0, workMs: 0 };

/** Mean start-up (spawn to "working") and work ("working" to its end or kill) of the children run since last asked. */
export function crashTimings(): string {
  const mean = (ms: number) => Math.round(ms / Math.max(1, spent.runs));
  const line = `${spent.runs} runs, mean start-up ${mean(spent.startMs)} ms, work ${mean(spent.workMs)} ms`;
  Object.assign(spent, { runs: 0, startMs: 0, workMs: 0 });
  return line;
}

/**
 * The child bundled by esbuild into one ES module (Kith's code and its pure-JS packages), built once per test process
 * into `<tmp>/kith-crash-children/<hash of the child's path>/<child's name>.mjs` (a child tells it is the one run by
 * its file name): one file per child of each checkout, written again by each process under a temp name and renamed
 * (a child started meanwhile reads a whole file), so no run leaves one behind (vitest ends its workers by signal).
 * Started under tsx, a child spent 2–4 s loading its 973 modules through the TypeScript loader before its work
 * began, on every one of 200 restarts; from the bundle it starts 2–4 times sooner. What it runs is the same source;
 * only the loading changed.
 */
export function bundledChild(child: string): Promise<string> {
  let built = bundles.get(child);
  if (!built) {
    built = (async () => {
      const { build } = await import("esbuild");
      const dir = path.join(
        tmpdir(),
        "kith-crash-children",
        createHash("sha256").update(child).digest("hex").slice(0, 16),
      );
      mkdirSync(dir, { recursive: true });
      const outfile = path.join(dir, `${path.basename(child, ".ts")}.mjs`);
      const result = await build({
        entryPoints: [child],
        outfile,
        write: false,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        logLevel: "error",
        // CommonJS packages inside the bundle require Node's builtins.
        banner: {
          js: 'import { createRequire as kithRequire } from "node:module"; const require = kithRequire(import.meta.url);',
        },
        plugins: [
          {
            name: "unbundled-from-node-modules",
            setup(b) {
              // The bundle lives outside the repository: what it leaves out it imports by absolute path.
              b.onResolve({ filter: /^[^./]/ }, (args) => {
                if (!UNBUNDLED.has(args.path)) return undefined;
                if (args.path !== "better-sqlite3") return { external: true };
                return { path: createRequire(args.importer).resolve(args.path), external: true };
              });
            },
          },
        ],
      });
      const partial = `${outfile}.${process.pid}`;
      writeFileSync(partial, result.outputFiles[0]?.contents ?? "");
      renameSync(partial, outfile);
      return outfile;
    })();
    bundles.set(child, built);
  }
  return built;
}

/**
 * Runs a crash child from its bundle (`bundledChild`; `node <bundle> ...args`): it prints "working" when its work
 * starts and "done" when it ends. With `killAfterMs`, it is killed with SIGKILL that long after "working" ("killed"); with null it runs to
 * its end ("done"). Its clock is moved on by `clockOffsetMs` (KITH_CRASH_CLOCK_OFFSET_MS), so leases a killed run
 * held have lapsed for the next one. With `killWhen`, the `killAfterMs` wait starts once it answers true (asked
 * every 25 ms after "working"): a kill aimed at a stage of the work. Any other ending rejects with the tail of its
 * stderr, named `name`.
 */
export async function runCrashChild(opts: {
  child: string;
  args: readonly string[];
  clockOffsetMs: number;
  killAfterMs: number | null;
  killWhen?: () => Promise<boolean>;
  name: string;
}): Promise<"killed" | "done"> {
  const bundle = await bundledChild(opts.child);
  const spawnedAt = performance.now();
  let workingAt: number | null = null;
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bundle, ...opts.args], {
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
      if (workingAt === null && out.includes("working")) workingAt = performance.now();
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
      const end = performance.now();
      spent.runs += 1;
      spent.startMs += (workingAt ?? end) - spawnedAt;
      spent.workMs += workingAt === null ? 0 : end - workingAt;
      if (signal === "SIGKILL") return resolve("killed");
      if (code === 0 && out.includes("done")) return resolve("done");
      reject(new Error(`the ${opts.name} exited ${code ?? signal}: ${err.slice(-2000)}`));
    });
  });
}
