import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Actor, commitImport, createAccountForUser, type Deps, IMPORT_CHUNK_ROWS_ALONE } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import { insertTestUser } from "@kith/store/testing";
import type Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { benchDeps } from "./bench-deps.ts";

/**
 * `node --import tsx bench/import.ts`: a seeded LinkedIn Connections.csv of BENCH_IMPORT_ROWS (30k) rows, in LinkedIn's exact
 * shape (BOM, Notes preamble, CRLF, quoted commas), imported end to end as the CLI does in-process (the file checked
 * and queued as a job, then run by this process: streamed parse, duplicate detection, companies, contacts,
 * connected-on records, due state, report, committed in chunks) into a fresh SQLite file, beside the raw engine:
 * csv-parse and one prepared INSERT per row in one transaction. The figure goes into a marked section of
 * bench/RESULTS.md. BENCH_CACHE (e.g. -262144, KiB) tries a larger SQLite page cache than the store's default.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 30_000);
const NOW = "2026-11-24T14:00:00.000Z";
const here = path.dirname(fileURLToPath(import.meta.url));

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRSTS = ["Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Júlia", "Kofi", "Lena"];
const LASTS = ["Calder", "Núñez", "O'Brien", "Smith", "Tanaka", "Jaworski", "Selby", "Chen", "Okafor", "Rossi"];
const SUFFIXES = "|a|o|e|i|y|an|el|ie|ey|in|on|us|is|ov|er|es|ia|ek|ar".split("|");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One connection as LinkedIn writes it: quoted commas and quotes, an email for one in five, `12 Mar 2024`. */
function connectionLine(i: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const company = `"Company ${Math.floor(rnd() * 3000)}, Inc"`;
  const email = rnd() < 0.2 ? `person${i}@example.com` : "";
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, "0");
  const date = `${day} ${pick(MONTHS)} ${2010 + Math.floor(rnd() * 16)}`;
  const url = `https://www.linkedin.com/in/person-${i}`;
  const first = `${pick(FIRSTS)}${pick(SUFFIXES)}`;
  const last = `${pick(LASTS)}${pick(SUFFIXES)}`;
  return [first, last, url, email, company, '"Engineer, ""Staff"""', date].join(",");
}

export function linkedInCsv(rows: number, seed = 7): string {
  const rnd = seeded(seed);
  const lines = [
    "\uFEFFNotes:",
    '"When exporting your connection data, you may notice..."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < rows; i++) lines.push(connectionLine(i, rnd));
  return `${lines.join("\r\n")}\r\n`;
}

async function newAccount(deps: Deps, open: Parameters<typeof insertTestUser>[0]): Promise<Actor> {
  await insertTestUser(open, { id: "bench-user", email: "bench@example.test", name: "Bench" });
  const account = await deps.store.transaction((tx) =>
    createAccountForUser(deps, tx, { id: "bench-user", name: "Bench" }, { timeZone: "America/New_York" }),
  );
  return { userId: "bench-user", accountId: account.id, role: "owner" };
}

function rawBaseline(raw: Database.Database, csv: string): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const records = parse(csv.replace(/^\uFEFF/, ""), { from_line: 4, relax_column_count: true }) as string[][];
  raw.exec("CREATE TABLE raw_contact (id TEXT PRIMARY KEY, first TEXT, last TEXT, url TEXT, email TEXT, company TEXT)");
  const insert = raw.prepare("INSERT INTO raw_contact VALUES (?, ?, ?, ?, ?, ?)");
  raw.transaction(() => {
    for (const [i, r] of records.slice(1).entries()) insert.run(String(i), r[0], r[1], r[2], r[3], r[4]);
  })();
  return { ms: performance.now() - t, cpuMs: cpuMsSince(cpu) };
}

/** User + system CPU time since `from`, in ms. */
const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/**
 * How far the process's resident memory rose above where it stood when the watch began, in MB: its peak (the
 * kernel's high-water mark when the import set a new one, else the highest of samples taken between chunks).
 */
function memoryWatch(): { stop(): number } {
  const before = process.memoryUsage().rss;
  const highBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = before;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      const high = process.resourceUsage().maxRSS * 1024;
      const peak = high > highBefore ? high : Math.max(sampled, process.memoryUsage().rss);
      return (peak - before) / 1e6;
    },
  };
}

function writeResult(lines: string[]) {
  const file = path.join(here, "RESULTS.md");
  const section = ["<!-- import:start -->", ...lines, "<!-- import:end -->"].join("\n");
  const text = readFileSync(file, "utf8");
  const marked = /<!-- import:start -->[\s\S]*<!-- import:end -->/;
  writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kith-bench-import-"));
  try {
    const open = openDatabase({ dataDir: dir });
    await migrate(open);
    const deps = benchDeps(open, NOW);
    const actor = await newAccount(deps, open);
    if (process.env.BENCH_CACHE) (open.raw as Database.Database).pragma(`cache_size = ${process.env.BENCH_CACHE}`);
    const csv = linkedInCsv(ROWS);
    const memory = memoryWatch();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const job = await commitImport(deps, actor, { content: csv, fileName: "Connections.csv" });
    const importMs = performance.now() - t;
    const cpuMs = cpuMsSince(cpu);
    const growthMb = memory.stop();
    const cpu2 = process.cpuUsage();
    const t2 = performance.now();
    const again = await commitImport(deps, actor, { content: csv, fileName: "Connections.csv" });
    const reimportMs = performance.now() - t2;
    const reimportCpuMs = cpuMsSince(cpu2);
    const baseline = rawBaseline(open.raw as Database.Database, csv);
    const baselineMs = baseline.ms;
    await open.close();
    const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
    const load = os.loadavg()[0]?.toFixed(1);
    const lines = [
      "## Import",
      "",
      `Command: \`node --import tsx bench/import.ts\` (BENCH_IMPORT_ROWS=${ROWS}). A seeded LinkedIn Connections.csv (${(csv.length / 1e6).toFixed(1)} MB), imported end to end into a fresh SQLite account as a job run in-process (checked and queued, then streamed parse, duplicate detection, companies, contacts, connected-on records, due state and report, committed in chunks of ${IMPORT_CHUNK_ROWS_ALONE} rows, as the CLI in-process does; a server's job commits 500 at a time).`,
      "",
      "| figure | value | raw baseline (same run) | ratio | goal |",
      "|---|---|---|---|---|",
      `| P4 import ${ROWS} LinkedIn rows (${job.created} created) | ${s(importMs)} (CPU ${s(cpuMs)}) | ${s(baselineMs)} (CPU ${s(baseline.cpuMs)}; csv-parse + one INSERT per row) | ${(importMs / baselineMs).toFixed(1)}× (CPU ${(cpuMs / baseline.cpuMs).toFixed(1)}×) | ≤ 2 s, ≤ 10× |`,
      `| P4 RSS growth during the import (peak − before) | ${growthMb.toFixed(0)} MB | — | — | ≤ 50 MB |`,
      `| P4 re-import of the same file (${again.skipped} skipped, ${again.created} created) | ${s(reimportMs)} (CPU ${s(reimportCpuMs)}) | ${s(baselineMs)} | ${(reimportMs / baselineMs).toFixed(1)}× | — |`,
      "",
      `Load average (1 min) at the end: ${load} on ${os.cpus().length} cores. CPU is the process's user + system time over the import, which a busy machine inflates less than the wall-clock time.`,
    ];
    console.log(lines.join("\n"));
    writeResult(lines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Only when run itself: bench/fairness.ts borrows the file generator.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
