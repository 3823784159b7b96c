import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Actor, type Deps, findNetworkPaths, getToday, listContacts } from "@kith/core";
import { migrate, type OpenDatabase, openDatabase } from "@kith/store";
import type Database from "better-sqlite3";
import pg from "pg";
import { benchDeps, serveInProcess } from "./bench-deps.ts";
import { generate } from "./generate.ts";
import { ms, percentiles, type Stats, sample } from "./measure.ts";
import { memoryBfs, pathsWorkload } from "./network-paths.ts";
import { POSTGRES_RAW_SEARCH, postgresRawQuery, sqliteRawSearch } from "./raw-search.ts";

/**
 * `npm run bench:growth`: does a figure stay flat as an account grows? Builds accounts of 10k, 50k and 200k
 * contacts (BENCH_GROWTH_SIZES), each in its own database, with interactions and knows-edges proportional
 * (BENCH_GROWTH_INTERACTIONS and BENCH_GROWTH_EDGES per contact, 5 each: 20 per contact made the 200k account take
 * too long to build on this machine), then measures P1 (the today list through the API), P2 (search 'ros cal' and
 * the one-letter 'r', through the service and the API) and P3 (paths to contacts never touched) at each size,
 * every figure beside its raw baseline of the same run, and the ratio of the largest size to the smallest.
 * BENCH_DATA_DIR keeps the SQLite accounts (`<dir>/<size>/`) for the next run; with BENCH_POSTGRES_URL, the same on
 * PostgreSQL (databases `kith_growth_<size>`, kept). Writes its section of bench/RESULTS.md.
 */
const SIZES = (process.env.BENCH_GROWTH_SIZES ?? "10000,50000,200000").split(",").map(Number);
const PER_CONTACT = {
  interactions: Number(process.env.BENCH_GROWTH_INTERACTIONS ?? 5),
  edges: Number(process.env.BENCH_GROWTH_EDGES ?? 5),
};
const TARGETS = Number(process.env.BENCH_TARGETS ?? 100);
const NOW = "2026-11-24T14:00:00.000Z";
const PG_URL = process.env.BENCH_POSTGRES_URL;
const DATA_DIR = process.env.BENCH_DATA_DIR;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Figure {
  value: Stats;
  baseline: Stats;
}
type Figures = Record<string, Figure>;

/** The raw engine's answers: the first 25 due rows from the index, and a search's first page of rows. */
interface Raw {
  topDue(accountId: string): Promise<unknown>;
  search(accountId: string, words: string[]): Promise<unknown>;
}

function sqliteRaw(raw: Database.Database): Raw {
  const top = raw.prepare(
    `SELECT due_item FROM contact WHERE account_id = ? AND due_priority IS NOT NULL
     ORDER BY due_priority DESC, next_due_on, id LIMIT 25`,
  );
  const search = sqliteRawSearch(raw);
  return {
    topDue: async (a) => top.all(a),
    search: async (a, words) => search(a, words),
  };
}

function postgresRaw(pool: pg.Pool): Raw {
  return {
    topDue: async (a) =>
      (
        await pool.query(
          `SELECT due_item FROM contact WHERE account_id = $1 AND due_priority IS NOT NULL
           ORDER BY due_priority DESC, next_due_on, id COLLATE "C" LIMIT 25`,
          [a],
        )
      ).rows,
    search: async (a, words) => (await pool.query(POSTGRES_RAW_SEARCH, [a, postgresRawQuery(a, words)])).rows,
  };
}

/** PostgreSQL: the size's database, created when missing; `fresh` says it must be generated. */
async function postgresDatabase(url: string, size: number): Promise<{ url: string; fresh: boolean }> {
  const name = `kith_growth_${size}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let fresh = false;
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}`);
      fresh = true;
    }
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), fresh };
}

async function accountOf(open: OpenDatabase, deps: Deps, size: number, generated: boolean): Promise<Actor> {
  if (generated) {
    const member = await deps.store.memberships.listForUser("bench-user");
    if (member[0]) return { userId: "bench-user", accountId: member[0].accountId, role: "owner" };
  }
  const t = performance.now();
  const actor = await generate(open, deps, {
    contacts: size,
    interactions: size * PER_CONTACT.interactions,
    seed: 42,
    endAt: NOW,
    years: 3,
    knowsEdges: { edges: size * PER_CONTACT.edges, hubEdges: Math.round(size * 0.6) },
  });
  console.log(`generated ${size} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return actor;
}

async function measureSize(size: number): Promise<{ figures: Figures; load: string }> {
  const dir = DATA_DIR ? path.resolve(DATA_DIR, String(size)) : mkdtempSync(path.join(os.tmpdir(), "kith-growth-"));
  mkdirSync(dir, { recursive: true });
  const pgTarget = PG_URL ? await postgresDatabase(PG_URL, size) : undefined;
  const marker = path.join(dir, "generated");
  const generated = pgTarget ? !pgTarget.fresh : existsSync(marker);
  try {
    const open = openDatabase({ dataDir: dir, databaseUrl: pgTarget?.url });
    await migrate(open);
    const deps = benchDeps(open, NOW);
    const actor = await accountOf(open, deps, size, generated);
    if (!pgTarget) writeFileSync(marker, `${size}\n`);
    const raw = open.dialect === "sqlite" ? sqliteRaw(open.raw as Database.Database) : postgresRaw(open.raw as pg.Pool);
    await getToday(deps, actor); // the day's catch-up, as the first visit of the day does it
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    const figures: Figures = {};

    const { address, headers, close } = await serveInProcess(dir, open, deps, actor, "growth");
    const get = async (route: string) => {
      // One retry: on this busy machine a kept-alive connection is now and then reset under the client.
      const res = await fetch(`${address}${route}`, { headers }).catch(() => fetch(`${address}${route}`, { headers }));
      if (!res.ok) throw new Error(`GET ${route}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    try {
      const dueBaseline = await sample(200, () => raw.topDue(actor.accountId));
      figures.p1 = { value: await sample(300, () => get("/api/today")), baseline: dueBaseline };
      for (const q of ["ros cal", "r"]) {
        const words = q.split(" ");
        const baseline = await sample(200, () => raw.search(actor.accountId, words));
        figures[`p2 ${q}`] = { value: await sample(200, () => listContacts(deps, actor, { q }, {})), baseline };
      }
      figures["p2 api r"] = {
        value: await sample(200, () => get("/api/contacts?q=r")),
        baseline: figures["p2 r"]?.baseline as Stats,
      };
    } finally {
      await close();
    }
    figures.p3 = await paths(open, deps, actor);
    await open.close();
    return { figures, load };
  } finally {
    if (!DATA_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

/** P3 as bench/network-paths.ts measures it: the service's paths beside a breadth-first search in memory. */
async function paths(open: OpenDatabase, deps: Deps, actor: Actor): Promise<Figure> {
  const { adjacency, first, targets } = await pathsWorkload(open.db, actor.accountId, TARGETS);
  for (const t of targets.slice(0, 10)) await findNetworkPaths(deps, actor, { to: `contact:${t}` });
  const service: number[] = [];
  const baseline: number[] = [];
  for (const t of targets) {
    let start = performance.now();
    await findNetworkPaths(deps, actor, { to: `contact:${t}` });
    service.push(performance.now() - start);
    start = performance.now();
    memoryBfs(adjacency, first, t);
    baseline.push(performance.now() - start);
  }
  return { value: percentiles(service), baseline: percentiles(baseline) };
}

const ROWS: [key: string, label: string][] = [
  ["p1", "P1 today list through the API"],
  ["p2 ros cal", "P2 search 'ros cal' (service)"],
  ["p2 r", "P2 search 'r' (service)"],
  ["p2 api r", "P2 search 'r' through the API"],
  ["p3", "P3 paths up to 4 people (service)"],
];

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

async function main() {
  const results: { size: number; figures: Figures; load: string }[] = [];
  for (const size of SIZES) {
    const r = await measureSize(size);
    console.log(size, JSON.stringify(r));
    results.push({ size, ...r });
  }
  const first = results[0];
  const last = results[results.length - 1];
  if (!first || !last) return;
  const cell = (f: Figure | undefined) =>
    f ? `${ms(f.value.p95)} (raw ${ms(f.baseline.p95)}, ${(f.value.p95 / f.baseline.p95).toFixed(1)}×)` : "—";
  const growth = (key: string) => {
    const a = first.figures[key];
    const b = last.figures[key];
    return a && b
      ? `${(b.value.p95 / a.value.p95).toFixed(2)}× (raw ${(b.baseline.p95 / a.baseline.p95).toFixed(2)}×)`
      : "—";
  };
  const engine = PG_URL ? "postgres" : "sqlite";
  const command = `${PG_URL ? "BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test " : ""}npm run bench:growth`;
  const lines = [
    `### Growth (${engine})`,
    "",
    `Command: \`${command}\` (BENCH_GROWTH_SIZES=${SIZES.join(",")}; per contact ${PER_CONTACT.interactions} ` +
      `interactions and ${PER_CONTACT.edges} knows-edges, the hub with 0.6 × contacts; ${TARGETS} path targets).`,
    `Date: ${new Date().toISOString().slice(0, 16)} UTC. Machine: ${os.cpus().length} cores ` +
      `(the run's own work included in the load); load average at each size: ${results.map((r) => `${k(r.size)} ${r.load}`).join("; ")}.`,
    "Each cell: p95, the raw baseline's p95 in the same run, and their ratio; the last column: the largest size's " +
      "p95 over the smallest's (goal ≤ 2×), and the same for the raw baseline.",
    "",
    `| figure | ${results.map((r) => `${k(r.size)} contacts`).join(" | ")} | ${k(last.size)}/${k(first.size)} |`,
    `|---|${results.map(() => "---|").join("")}---|`,
    ...ROWS.map(
      ([key, label]) => `| ${label} | ${results.map((r) => cell(r.figures[key])).join(" | ")} | ${growth(key)} |`,
    ),
  ];
  console.log(lines.join("\n"));
  const file = path.join(here, "RESULTS.md");
  const tag = `growth-${engine}`;
  const section = [`<!-- ${tag}:start -->`, ...lines, `<!-- ${tag}:end -->`].join("\n");
  const text = readFileSync(file, "utf8");
  const marked = new RegExp(`<!-- ${tag}:start -->[\\s\\S]*<!-- ${tag}:end -->`);
  writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
}

await main();
