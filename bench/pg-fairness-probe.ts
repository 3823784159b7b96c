import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { TEST_PG_URL } from "@kith/store/testing";
import pg from "pg";
import {
  type Engine,
  observe,
  p99,
  startFairnessServer,
} from "../packages/server/src/fairness/testing/fairness-harness.ts";

/**
 * Where B's time goes when B is alone: `node --import tsx bench/pg-fairness-probe.ts`. The fairness test's server
 * and seed (`fairness/testing/fairness-harness.ts`: B with 3,000 LinkedIn rows of its own) on a fresh PostgreSQL
 * database (PROBE_ENGINE=sqlite for the file), B's loop for PROBE_SECONDS (10) after 1.5 s of warm-up, then per
 * route: the client's times, the server's time per request and its statements (count, time, pool checkouts:
 * `bench/pg-trace.mjs`, preloaded into the server), and the CPU the database's own backends and the server process
 * spent over the window (from /proc). PGTRACE_FULL=1 keeps each statement's text and parameters in the trace
 * (/tmp/kith-pg-trace-<pid>.jsonl); PROBE_KEEP=1 keeps the database for EXPLAIN ANALYZE; PROBE_ANALYZE=1 runs
 * ANALYZE on it before B starts.
 */
const engine = (process.env.PROBE_ENGINE ?? "postgres") as Engine;
const SECONDS = Number(process.env.PROBE_SECONDS ?? 10);
const trace = `${os.tmpdir()}/kith-pg-trace-${process.pid}.jsonl`;
rmSync(trace, { force: true });
process.env.PGTRACE_OUT = trace;
const nodeOptions = process.env.NODE_OPTIONS;
process.env.NODE_OPTIONS = `${nodeOptions ?? ""} --import ${new URL("./pg-trace.mjs", import.meta.url).pathname}`;
const kith = await startFairnessServer(engine);
if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
else process.env.NODE_OPTIONS = nodeOptions;

const at = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? Number.NaN;
const f = (n: number) => n.toFixed(1);

async function admin<T>(run: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(TEST_PG_URL);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const database =
  engine === "postgres"
    ? await admin(async (c) => {
        const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
          `kith_fairness_${process.pid}_%`,
        ]);
        return String(rows[0]?.datname);
      })
    : null;

/** utime + stime (clock ticks of 10 ms) of the given processes. */
function ticksOf(pids: ReadonlySet<number>): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => pids.has(Number(d)))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks;
}

try {
  if (database && process.env.PROBE_ANALYZE === "1") {
    const took = await admin(async (c) => {
      const start = performance.now();
      await c.query("ANALYZE");
      return performance.now() - start;
    }, database);
    console.log(`ANALYZE by hand: ${f(took)} ms`);
  }
  const b = observe(kith.url, kith.parties.observer.token);
  await new Promise((r) => setTimeout(r, 1500));
  const warm = b.samples.splice(0);
  console.log(
    `B's first requests (today, search, healthz, ...): ${warm
      .slice(0, 6)
      .map((s) => f(s.ms))
      .join(", ")} ms`,
  );
  const backends = new Set<number>(
    database
      ? await admin(async (c) => {
          const { rows } = await c.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
          return rows.map((r) => Number(r.pid));
        })
      : [],
  );
  const server = new Set([kith.server.child.pid ?? -1]);
  const before = { db: ticksOf(backends), server: ticksOf(server) };
  const start = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  await b.stop();
  const wall = (performance.now() - start) / 1000;
  const n = b.samples.length;
  const dbMs = (ticksOf(backends) - before.db) * 10;
  const serverMs = (ticksOf(server) - before.server) * 10;
  console.log(
    `${n} requests in ${f(wall)} s, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; CPU: the database's ${backends.size} backends ${dbMs} ms (${(dbMs / n).toFixed(2)} ms a request), ` +
      `the server process ${serverMs} ms (${(serverMs / n).toFixed(2)} ms a request)`,
  );
  for (const [route, name] of ["today", "search", "healthz"].entries()) {
    const ms = b.samples.filter((s) => s.route === route).map((s) => s.ms);
    console.log(
      `client ${name}: n=${ms.length} p50=${f(at(ms, 0.5))} p95=${f(at(ms, 0.95))} p99=${f(p99(ms))} max=${f(Math.max(...ms))}`,
    );
  }
  console.log(`client all: p99=${f(p99(b.samples.map((s) => s.ms)))}`);
  const lines = readFileSync(trace, "utf8")
    .trim()
    .split("\n")
    .map(
      (l) =>
        JSON.parse(l) as { url: string; total: number; statements: number; statementMs: number; checkoutMs: number },
    );
  for (const path of ["/api/today", "/api/contacts", "/healthz"]) {
    const of = lines.filter((l) => l.url.split("?")[0] === path);
    const total = of.map((l) => l.total);
    const count = of.map((l) => l.statements);
    const waits = of.map((l) => l.checkoutMs);
    console.log(
      `server ${path}: n=${of.length} total p50=${f(at(total, 0.5))} p99=${f(at(total, 0.99))}; statements ` +
        `${Math.min(...count)}-${Math.max(...count)} a request; pool checkout p50=${at(waits, 0.5).toFixed(2)} ` +
        `p99=${at(waits, 0.99).toFixed(2)} ms`,
    );
  }
  console.log(`trace: ${trace}`);
} finally {
  if (process.env.PROBE_KEEP === "1") {
    kith.server.child.kill("SIGTERM");
    await kith.server.exited;
    console.log(`kept ${database ?? "the data dir"}`);
  } else await kith.close();
}
