import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { backupJson, type Parties, prepareParties } from "./fairness-data.ts";
import { linkedInCsv } from "./import.ts";
import { percentiles } from "./measure.ts";
import { memoryOf, type RunningServer, startServer } from "./server-process.ts";

/**
 * `node --import tsx bench/fairness.ts`: does one user's heavy work freeze everyone else? The real server (the
 * bundle, as `npm start` runs it) on a fresh SQLite file (or PostgreSQL with BENCH_POSTGRES_URL). Account B makes
 * steady sequential requests (GET /api/today, GET /healthz, a small write) while, one phase at a time, account A
 * imports BENCH_FAIR_IMPORT_ROWS (50k) LinkedIn rows, queues many small imports at once, and account R restores a
 * backup of BENCH_FAIR_RESTORE_CONTACTS contacts and BENCH_FAIR_RESTORE_INTERACTIONS interactions. Prints B's
 * latencies per phase, A's duration and the server's peak RSS during each phase (sampled); BENCH_FAIR_WRITE=1 writes them to
 * the fairness section of bench/RESULTS.md.
 */
const IMPORT_ROWS = Number(process.env.BENCH_FAIR_IMPORT_ROWS ?? 50_000);
const RESTORE_CONTACTS = Number(process.env.BENCH_FAIR_RESTORE_CONTACTS ?? 20_000);
const RESTORE_INTERACTIONS = Number(process.env.BENCH_FAIR_RESTORE_INTERACTIONS ?? 200_000);
const SMALL_IMPORTS = Number(process.env.BENCH_FAIR_SMALL_IMPORTS ?? 30);
const PG_URL = process.env.BENCH_POSTGRES_URL;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Phase {
  name: string;
  durationMs: number;
  outcome: string;
  samples: number[];
  peakMb: number;
}

/** B's loop: one request at a time, cycling through a read, the health check and a write, each timed. */
function observe(url: string, parties: Parties) {
  const auth = { authorization: `Bearer ${parties.observer.token}` };
  const ids = parties.observer.contactIds;
  let samples: number[] = [];
  let running = true;
  let errors = 0;
  let inFlightSince: number | null = null;
  const request = (n: number) =>
    n % 3 === 0
      ? fetch(`${url}/api/today`, { headers: auth })
      : n % 3 === 1
        ? fetch(`${url}/healthz`)
        : fetch(`${url}/api/interactions`, {
            method: "POST",
            headers: { ...auth, "content-type": "application/json" },
            body: JSON.stringify({ contactIds: [ids[n % ids.length]], kind: "call", direction: "mutual" }),
          });
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const start = performance.now();
      inFlightSince = start;
      try {
        const res = await request(n);
        await res.arrayBuffer();
        if (!res.ok) errors += 1;
      } catch {
        errors += 1;
      }
      inFlightSince = null;
      samples.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    /** The phase's samples; a request still waiting counts with how long it has waited so far (a stall's floor). */
    take: () => {
      const taken = samples;
      if (inFlightSince !== null) taken.push(performance.now() - inFlightSince);
      samples = [];
      return taken;
    },
    errors: () => errors,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function phase(server: RunningServer, b: ReturnType<typeof observe>, name: string, work: () => Promise<string>) {
  const pid = server.child.pid as number;
  // The phase's own peak, sampled: the kernel's VmHWM cannot be reset everywhere (clear_refs is ignored in some
  // sandboxes), and it would carry an earlier phase's peak into this one.
  let peakMb = memoryOf(pid).rssMb;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, memoryOf(pid).rssMb);
  }, 50);
  b.take();
  const start = performance.now();
  const outcome = await work().finally(() => clearInterval(sampler));
  const durationMs = performance.now() - start;
  const result: Phase = { name, durationMs, outcome, samples: b.take(), peakMb };
  console.log(line(result));
  return result;
}

async function importAndWait(url: string, token: string, csv: string): Promise<string> {
  const auth = { authorization: `Bearer ${token}` };
  const res = await fetch(`${url}/api/imports?fileName=Connections.csv`, {
    method: "POST",
    headers: { ...auth, "content-type": "text/csv" },
    body: csv,
  });
  if (res.status !== 202) return `queue answered ${res.status}`;
  const job = (await res.json()) as { id: string };
  for (;;) {
    const poll = await fetch(`${url}/api/imports/${job.id}`, { headers: auth });
    const state = (await poll.json()) as { status: string; created: number };
    if (state.status === "committed" || state.status === "failed") return `${state.status}, ${state.created} created`;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function manySmallImports(url: string, token: string): Promise<string> {
  const auth = { authorization: `Bearer ${token}`, "content-type": "text/csv" };
  const codes = await Promise.all(
    Array.from({ length: SMALL_IMPORTS }, (_, i) =>
      fetch(`${url}/api/imports?fileName=small-${i}.csv`, { method: "POST", headers: auth, body: linkedInCsv(1, i) }),
    ),
  );
  const counts = new Map<number, number>();
  for (const r of codes) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  // Wait for the queue to drain, as B's latency while it runs is the point.
  for (;;) {
    const list = (await (
      await fetch(`${url}/api/imports`, { headers: { authorization: auth.authorization } })
    ).json()) as {
      items: { status: string }[];
    };
    if (!list.items.some((j) => j.status === "queued" || j.status === "running")) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return [...counts].map(([code, n]) => `${n}× ${code}`).join(", ");
}

async function restore(url: string, token: string, body: string): Promise<string> {
  const res = await fetch(`${url}/api/backup/restore`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  if (res.status !== 202) return `${res.status} ${(await res.text()).slice(0, 120)}`;
  // A large backup restores as a job: wait for it to end, as B's latency while it runs is the point.
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    const job = (await (
      await fetch(`${url}/api/backup/restore/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { status: string; error: string | null };
    if (job.status === "committed" || job.status === "failed") return `202 then ${job.status} ${job.error ?? ""}`;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const f = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

function line(p: Phase): string {
  const s = percentiles(p.samples);
  const max = Math.max(...p.samples, 0);
  return `| ${p.name} | ${f(p.durationMs)} (${p.outcome}) | ${s.n} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(max)} | ${p.peakMb.toFixed(0)} MB |`;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kith-bench-fair-"));
  const target = { dataDir: dir, databaseUrl: PG_URL };
  try {
    const parties = await prepareParties(target);
    const csv = linkedInCsv(IMPORT_ROWS);
    const backup = backupJson(RESTORE_CONTACTS, RESTORE_INTERACTIONS);
    console.log(`import file ${(csv.length / 1e6).toFixed(1)} MB, backup ${(backup.length / 1e6).toFixed(1)} MB`);
    const server = await startServer(target);
    const b = observe(server.url, parties);
    const phases: Phase[] = [];
    console.log("| phase (A's work) | A's duration | B's requests | p50 | p95 | p99 | max | server peak RSS |");
    console.log("|---|---|---|---|---|---|---|---|");
    try {
      phases.push(await phase(server, b, "idle", () => new Promise((r) => setTimeout(() => r("—"), 5000))));
      phases.push(
        await phase(server, b, `import ${IMPORT_ROWS} rows`, () =>
          importAndWait(server.url, parties.importer.token, csv),
        ),
      );
      phases.push(
        await phase(server, b, `${SMALL_IMPORTS} one-row imports at once`, () =>
          manySmallImports(server.url, parties.importer.token),
        ),
      );
      const label = `restore ${(backup.length / 1e6).toFixed(0)} MB (${RESTORE_CONTACTS} contacts, ${RESTORE_INTERACTIONS} interactions)`;
      phases.push(await phase(server, b, label, () => restore(server.url, parties.restorer.token, backup)));
    } finally {
      await b.stop();
      server.stop();
    }
    console.log(`B's failed requests: ${b.errors()}`);
    if (process.env.BENCH_FAIR_WRITE) writeResult(phases);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeResult(phases: Phase[]) {
  const file = path.join(here, "RESULTS.md");
  const engine = PG_URL ? "PostgreSQL" : "SQLite";
  const lines = [
    "<!-- fairness:start -->",
    "## Fairness: one user's heavy work against another's requests",
    "",
    `Command: \`node --import tsx bench/fairness.ts\` (${engine}). B makes sequential requests (today, /healthz, a write; 20 ms apart) during each phase of A's work; a request still waiting when a phase ends counts with its wait so far. Peak RSS: the server's resident memory sampled every 50 ms during the phase.`,
    "",
    "| phase (A's work) | A's duration | B's requests | p50 | p95 | p99 | max | server peak RSS |",
    "|---|---|---|---|---|---|---|---|",
    ...phases.map(line),
    "<!-- fairness:end -->",
  ];
  const text = readFileSync(file, "utf8");
  const marked = /<!-- fairness:start -->[\s\S]*<!-- fairness:end -->/;
  const section = lines.join("\n");
  writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
}

await main();
