import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findNetworkPaths } from "@kith/core";
import { migrate, type OpenDatabase, openDatabase } from "@kith/store";
import pg from "pg";
import { benchDeps } from "./bench-deps.ts";
import { generate, prng } from "./generate.ts";
import { ms, percentiles, ratio, type Stats } from "./measure.ts";

/**
 * `node --import tsx bench/network-paths.ts` (P3): an account of BENCH_CONTACTS (50k) contacts with
 * BENCH_KNOWS_EDGES (1M) knows-edges, one contact holding BENCH_HUB_EDGES (30k) of them, and BENCH_INTERACTIONS
 * (200k) interactions that make about half the contacts first degree; then the paths to BENCH_TARGETS (200)
 * contacts the member has never been in touch with, through the service (`findNetworkPaths`: the bounded search,
 * ranking and names), beside the raw baseline of the same run: a plain breadth-first search over the whole edge
 * list held in memory (loading it is not timed). With BENCH_POSTGRES_URL, the same on PostgreSQL (a fresh database
 * `kith_bench_network`). Writes its section of bench/RESULTS.md.
 */
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 50_000);
const EDGES = Number(process.env.BENCH_KNOWS_EDGES ?? 1_000_000);
const HUB_EDGES = Number(process.env.BENCH_HUB_EDGES ?? 30_000);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 200_000);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 200);
const NOW = "2026-11-24T14:00:00.000Z";
const PG_URL = process.env.BENCH_POSTGRES_URL;
const here = path.dirname(fileURLToPath(import.meta.url));

async function freshPostgresDatabase(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("DROP DATABASE IF EXISTS kith_bench_network WITH (FORCE)");
    await admin.query("CREATE DATABASE kith_bench_network");
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = "/kith_bench_network";
  return target.toString();
}

/**
 * What a paths run asks and what its raw baseline holds: every knows-edge of the account in memory both ways, the
 * first-degree contacts (touched), and `count` targets — the hub (the second contact by id, the one with the most
 * edges: the search must stay bounded there) and contacts never touched, drawn with a fixed seed.
 */
export async function pathsWorkload(db: OpenDatabase["db"], accountId: string, count: number) {
  const edges = await db
    .selectFrom("relationship")
    .select(["from_contact_id", "to_contact_id"])
    .where("account_id", "=", accountId)
    .execute();
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const e of edges) {
    link(e.from_contact_id, e.to_contact_id);
    link(e.to_contact_id, e.from_contact_id);
  }
  const contacts = await db
    .selectFrom("contact")
    .select(["id", "last_touch_at"])
    .where("account_id", "=", accountId)
    .orderBy("id")
    .execute();
  const first = new Set(contacts.filter((c) => c.last_touch_at !== null).map((c) => c.id));
  const strangers = contacts.filter((c) => c.last_touch_at === null).map((c) => c.id);
  const rand = prng(99);
  const targets = [
    contacts[1]?.id ?? "",
    ...Array.from({ length: count - 1 }, () => strangers[Math.floor(rand() * strangers.length)] ?? ""),
  ];
  return { edgeCount: edges.length, adjacency, first, targets };
}

/** The raw baseline: every edge in memory, a breadth-first search from the target to 3 edges (4 people). */
export function memoryBfs(adjacency: Map<string, string[]>, first: Set<string>, target: string): number {
  if (first.has(target)) return 1;
  const seen = new Set([target]);
  let level = [target];
  let met = 0;
  for (let d = 1; d < 4 && level.length > 0; d++) {
    const next: string[] = [];
    for (const node of level) {
      for (const other of adjacency.get(node) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        if (first.has(other)) met += 1;
        else next.push(other);
      }
    }
    level = next;
  }
  return met;
}

async function timed(fn: () => Promise<unknown> | unknown, times: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function writeResult(label: string, lines: string[]) {
  const file = path.join(here, "RESULTS.md");
  const tag = `network-${label}`;
  const section = [`<!-- ${tag}:start -->`, ...lines, `<!-- ${tag}:end -->`].join("\n");
  const text = readFileSync(file, "utf8");
  const marked = new RegExp(`<!-- ${tag}:start -->[\\s\\S]*<!-- ${tag}:end -->`);
  writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kith-bench-network-"));
  const databaseUrl = PG_URL ? await freshPostgresDatabase(PG_URL) : undefined;
  try {
    const open = openDatabase({ dataDir: dir, databaseUrl });
    await migrate(open);
    const deps = benchDeps(open, NOW);
    const started = performance.now();
    const actor = await generate(open, deps, {
      contacts: CONTACTS,
      interactions: INTERACTIONS,
      seed: 13,
      endAt: NOW,
      years: 3,
      knowsEdges: { edges: EDGES, hubEdges: HUB_EDGES },
    });
    const generatedS = (performance.now() - started) / 1000;

    const { edgeCount, adjacency, first, targets } = await pathsWorkload(open.db, actor.accountId, TARGETS);

    const truncated = { count: 0, paths: 0 };
    const warm = targets.slice(0, 10);
    for (const t of warm) await findNetworkPaths(deps, actor, { to: `contact:${t}` });
    const service: number[] = [];
    for (const t of targets) {
      const [elapsed] = await timed(async () => {
        const r = await findNetworkPaths(deps, actor, { to: `contact:${t}` });
        if (r.truncated) truncated.count += 1;
        truncated.paths += r.paths.length;
      }, 1);
      service.push(elapsed ?? 0);
    }
    const raw: number[] = [];
    for (const t of targets) raw.push(...(await timed(() => memoryBfs(adjacency, first, t), 1)));
    const s: Stats = percentiles(service);
    const b: Stats = percentiles(raw);
    const label = open.dialect === "postgres" ? "postgres" : "sqlite";
    const command = PG_URL
      ? "BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/network-paths.ts"
      : "node --import tsx bench/network-paths.ts";
    const lines = [
      `### P3 paths (${label})`,
      "",
      `Command: \`${command}\` (BENCH_CONTACTS=${CONTACTS}, BENCH_KNOWS_EDGES=${EDGES}, BENCH_HUB_EDGES=${HUB_EDGES}, ` +
        `BENCH_INTERACTIONS=${INTERACTIONS}, BENCH_TARGETS=${TARGETS}).`,
      `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} cores, shared with other work. ` +
        `Generating took ${generatedS.toFixed(1)} s; ${edgeCount} edges, ${first.size} first-degree contacts; ` +
        `targets: the hub and ${TARGETS - 1} contacts never touched; ${truncated.count} answers truncated, ` +
        `${(truncated.paths / targets.length).toFixed(1)} paths per answer on average.`,
      "",
      "| figure | value | raw baseline (same run) | ratio | goal |",
      "|---|---|---|---|---|",
      `| P3 paths up to 4 people (service: search, rank, names), p95 | ${ms(s.p95)} (p50 ${ms(s.p50)}) | ` +
        `${ms(b.p95)} (in-memory BFS, edges preloaded) | ${ratio(s.p95, b.p95)} | ≤ 50 ms |`,
    ];
    console.log(lines.join("\n"));
    writeResult(label, lines);
    await open.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script; bench/growth.ts imports the baseline above without running it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
