import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { getToday } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import type SQLite from "better-sqlite3";
import type pg from "pg";
import { benchDeps } from "./bench-deps.ts";
import { ms, percentiles, sample } from "./measure.ts";
import { timeSqliteStatements } from "./sql-timing.ts";

/**
 * P1's service (`getToday`, as bench/run.ts measures it: the bench's fixed day) repeated on a kept bench account,
 * for a CPU profile: `BENCH_DATA_DIR=<dir with kith.db> node --cpu-prof --cpu-prof-dir=<out> --import tsx
 * bench/profile-today.ts`, then `node --import tsx bench/cpu-profile-summary.ts <out>`. BENCH_TIMES (default 300).
 * Prints wall and CPU percentiles and each statement's share of the query time. On PostgreSQL
 * (`BENCH_POSTGRES_URL=postgres://…/kith_bench`, the database `npm run bench` kept with BENCH_DATA_DIR set) a
 * statement's time is its round trip, from sending it until its rows are in, and statements the service sends at
 * once overlap.
 */
const PG_URL = process.env.BENCH_POSTGRES_URL;
const dir = process.env.BENCH_DATA_DIR;
if (!dir && !PG_URL) throw new Error("BENCH_DATA_DIR: the folder of a generated account (or BENCH_POSTGRES_URL)");
const times = Number(process.env.BENCH_TIMES ?? 300);
const open = openDatabase(PG_URL ? { databaseUrl: PG_URL } : { dataDir: dir as string });
await migrate(open);
const spent = new Map<string, { ms: number; n: number }>();
const count = (text: string, took: number) => {
  const key = text.replace(/\s+/g, " ").slice(0, 160);
  const entry = spent.get(key) ?? { ms: 0, n: 0 };
  entry.ms += took;
  entry.n += 1;
  spent.set(key, entry);
};
if (open.dialect === "sqlite") {
  timeSqliteStatements(open.raw as SQLite.Database, count);
} else {
  // The store's own copy of pg: Kysely sends every statement through a pooled client's promise `query`.
  const pgOfStore = createRequire(new URL("../packages/store/package.json", import.meta.url))("pg") as typeof pg;
  const original = pgOfStore.Client.prototype.query as (...a: unknown[]) => unknown;
  pgOfStore.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const start = performance.now();
    const result = original.apply(this, args);
    const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string })?.text ?? "");
    if (result instanceof Promise) return result.finally(() => count(text, performance.now() - start));
    return result;
  } as typeof pgOfStore.Client.prototype.query;
}
const deps = benchDeps(open, "2026-11-24T14:00:00.000Z");
const member = (await deps.store.memberships.listForUser("bench-user"))[0];
if (!member) throw new Error(`${dir} holds no bench account`);
const actor = { userId: "bench-user", accountId: member.accountId, role: "owner" as const };
await getToday(deps, actor); // the day's catch-up, as run.ts does before measuring
for (let i = 0; i < 20; i++) await getToday(deps, actor);
spent.clear();
const cpu: number[] = [];
const stats = await sample(times, async () => {
  const before = process.cpuUsage();
  await getToday(deps, actor);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
});
const cpuStats = percentiles(cpu);
const all = [...spent.values()].reduce((sum, e) => sum + e.ms, 0);
console.log(
  `today: wall p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}; CPU p50 ${ms(cpuStats.p50)}, p95 ${ms(cpuStats.p95)} over ${times}; ` +
    `queries ${ms(all / times)} a call; load ${readFileSync("/proc/loadavg", "utf8").slice(0, 14)}`,
);
console.log("| statement | share of query time | per call |\n|---|---|---|");
for (const [key, e] of [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(
    `| \`${key}\` (×${(e.n / times).toFixed(1)}) | ${((100 * e.ms) / all).toFixed(1)}% | ${ms(e.ms / times)} |`,
  );
}
await open.close();
