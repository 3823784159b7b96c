import { readFileSync } from "node:fs";
import { listContacts } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import type { Database } from "@kith/store/schema";
import type SQLite from "better-sqlite3";
import { Kysely, type LogEvent, SqliteDialect } from "kysely";
import { benchDeps } from "./bench-deps.ts";
import { ms, percentiles, sample } from "./measure.ts";

/**
 * One search repeated on a kept bench account, for a CPU profile: `BENCH_DATA_DIR=<dir with kith.db> node
 * --cpu-prof --cpu-prof-dir=<out> --import tsx bench/profile-search.ts`, then `node --import tsx
 * bench/profile-top.ts <out>/*.cpuprofile`. BENCH_Q is the search (default 'r'), BENCH_TIMES how often (500).
 * The CPU profile shows most of a search inside SQLite (better-sqlite3's native calls); the time of each statement
 * is printed too, by the statement's text, from Kysely's query log.
 */
const dir = process.env.BENCH_DATA_DIR;
if (!dir) throw new Error("BENCH_DATA_DIR: the folder of a generated account (npm run bench:growth keeps them)");
const q = process.env.BENCH_Q ?? "r";
const times = Number(process.env.BENCH_TIMES ?? 500);
const open = openDatabase({ dataDir: dir });
await migrate(open);
const spent = new Map<string, { ms: number; n: number }>();
const log = (event: LogEvent) => {
  const key = event.query.sql.replace(/\s+/g, " ").slice(0, 160);
  const entry = spent.get(key) ?? { ms: 0, n: 0 };
  entry.ms += event.queryDurationMillis;
  entry.n += 1;
  spent.set(key, entry);
};
const logged = new Kysely<Database>({ dialect: new SqliteDialect({ database: open.raw as SQLite.Database }), log });
const deps = benchDeps(open, "2026-11-24T14:00:00.000Z", logged);
const member = (await deps.store.memberships.listForUser("bench-user"))[0];
if (!member) throw new Error(`${dir} holds no bench account`);
const actor = { userId: "bench-user", accountId: member.accountId, role: "owner" as const };
const first = await listContacts(deps, actor, { q }, {});
// CPU time too: on a machine shared with other work the wall clock mostly measures waiting for a core.
const cpu: number[] = [];
const stats = await sample(times, async () => {
  const before = process.cpuUsage();
  await listContacts(deps, actor, { q }, {});
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
});
const cpuStats = percentiles(cpu.slice(-times));
console.log(
  `'${q}': ${first.total} matches; wall p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}; ` +
    `CPU p50 ${ms(cpuStats.p50)}, p95 ${ms(cpuStats.p95)} over ${times}; load ${readFileSync("/proc/loadavg", "utf8").slice(0, 14)}`,
);
const all = [...spent.values()].reduce((sum, e) => sum + e.ms, 0);
console.log("| statement | share of query time | per search |\n|---|---|---|");
for (const [key, e] of [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
  console.log(`| \`${key}\` | ${((100 * e.ms) / all).toFixed(1)}% | ${ms(e.ms / (times + 21))} |`);
}
await open.close();
