import { readFileSync } from "node:fs";
import path from "node:path";
import { createApiToken } from "@kith/core";
import { buildApp, loadConfig } from "@kith/server";
import { migrate, openDatabase } from "@kith/store";
import type Database from "better-sqlite3";
import { benchDeps } from "./bench-deps.ts";
import { timeSqliteStatements } from "./sql-timing.ts";

/**
 * `BENCH_DATA_DIR=… node --import tsx bench/load-cpu.ts`: P5's mix of requests (the same four routes in the same
 * proportions as bench/load.ts), sent one after another through the app in this process (Fastify's inject: routing,
 * hooks, authentication, the service, serialisation; no sockets), measuring this process's CPU time per request
 * overall and per route. On a machine shared with other work, throughput measures the neighbours; CPU time per
 * request measures the server. BENCH_CPU_REQUESTS (default 2000) after 400 to warm up. BENCH_POSTGRES_URL with
 * BENCH_PG_DATABASE (default kith_load, made by bench/load-profile.ts) for PostgreSQL.
 */
const DATA_DIR = process.env.BENCH_DATA_DIR;
if (!DATA_DIR) throw new Error("BENCH_DATA_DIR: the folder of an account the bench generated");
const REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 2000);
const PG = process.env.BENCH_POSTGRES_URL;
const databaseUrl = PG
  ? Object.assign(new URL(PG), { pathname: `/${process.env.BENCH_PG_DATABASE ?? "kith_load"}` }).toString()
  : undefined;

const open = openDatabase({ dataDir: path.resolve(DATA_DIR), databaseUrl });
await migrate(open);
/** BENCH_SQL_STATS=1 (SQLite): time each statement by its SQL text, printed after the run (the top BENCH_SQL_TOP, 12). */
const sqlStats = new Map<string, { n: number; ms: number }>();
if (process.env.BENCH_SQL_STATS === "1" && open.dialect === "sqlite")
  timeSqliteStatements(open.raw as Database.Database, (source, took) => {
    const s = sqlStats.get(source) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += took;
    sqlStats.set(source, s);
  });

const deps = benchDeps(open);
const member = await deps.store.memberships.listForUser("bench-user");
const accountId = member[0]?.accountId;
if (!accountId) throw new Error("no bench account in BENCH_DATA_DIR");
const { token } = await createApiToken(deps, { userId: "bench-user", accountId, role: "owner" }, { name: "cpu" });
const ids = (await open.db.selectFrom("contact").select("id").orderBy("id").limit(2000).execute()).map((r) => r.id);
const config = loadConfig({
  KITH_DATA_DIR: path.resolve(DATA_DIR),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  LOG_LEVEL: "silent",
  PORT: "0",
  KITH_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
  KITH_BACKUP_KEEP: "0",
});
const { app } = await buildApp({ config, open, deps, jobs: [] });
await app.ready();

const auth = { authorization: `Bearer ${token}` };
let n = 0;
/** bench/load.ts's mix, request by request. */
function next(): { route: string; method: "GET" | "POST"; url: string; payload?: unknown } {
  n += 1;
  const slot = n % 10;
  const contactId = ids[(n * 7919) % ids.length] as string;
  if (slot < 2) {
    const payload = { contactIds: [contactId], kind: "call", direction: "mutual", summary: "bench" };
    return { route: "POST /api/interactions", method: "POST", url: "/api/interactions", payload };
  }
  if (slot < 5) return { route: "GET /api/today", method: "GET", url: "/api/today" };
  if (slot < 8) return { route: "GET /api/contacts/:id", method: "GET", url: `/api/contacts/${contactId}` };
  return { route: "GET /api/contacts?q=ros ca", method: "GET", url: "/api/contacts?q=ros%20ca" };
}

async function send(r: ReturnType<typeof next>) {
  const res = await app.inject({
    method: r.method,
    url: r.url,
    headers: auth,
    ...(r.payload ? { payload: r.payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
}

for (let i = 0; i < 400; i++) await send(next());
sqlStats.clear();
const byRoute = new Map<string, { n: number; cpuMs: number }>();
const start = process.cpuUsage();
const wallStart = performance.now();
for (let i = 0; i < REQUESTS; i++) {
  const r = next();
  const before = process.cpuUsage();
  await send(r);
  const used = process.cpuUsage(before);
  const s = byRoute.get(r.route) ?? { n: 0, cpuMs: 0 };
  s.n += 1;
  s.cpuMs += (used.user + used.system) / 1000;
  byRoute.set(r.route, s);
}
const total = process.cpuUsage(start);
const cpuMs = (total.user + total.system) / 1000;
console.log(
  `${open.dialect}: ${(cpuMs / REQUESTS).toFixed(3)} ms CPU per request over ${REQUESTS} (wall ${((performance.now() - wallStart) / REQUESTS).toFixed(3)} ms); loadavg ${readFileSync("/proc/loadavg", "utf8").trim()}`,
);
for (const [route, s] of byRoute) console.log(`  ${route}: ${(s.cpuMs / s.n).toFixed(3)} ms CPU (${s.n})`);
if (sqlStats.size > 0) {
  const all = [...sqlStats].sort((a, b) => b[1].ms - a[1].ms);
  const sqlMs = all.reduce((t, [, s]) => t + s.ms, 0);
  console.log(`SQL: ${(sqlMs / REQUESTS).toFixed(3)} ms per request (${((100 * sqlMs) / cpuMs).toFixed(0)}% of CPU)`);
  for (const [sql, s] of all.slice(0, Number(process.env.BENCH_SQL_TOP ?? 12))) {
    const text = sql.replace(/\s+/g, " ").slice(0, 160);
    console.log(`  ${((100 * s.ms) / sqlMs).toFixed(1)}% n=${s.n} ${(s.ms / s.n).toFixed(3)} ms: ${text}`);
  }
}
await app.close();
await open.close();
