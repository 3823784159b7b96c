import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApiToken } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import { benchDeps } from "./bench-deps.ts";
import { generate } from "./generate.ts";
import { mixedLoad, warmUp } from "./load.ts";
import { memoryOf, startServer } from "./server-process.ts";

/**
 * `BENCH_DATA_DIR=… node --import tsx bench/memory.ts`: P7 alone, quickly. `npm start`'s server (as bench/run.ts
 * starts it) on a small generated account (BENCH_CONTACTS, default 500; BENCH_INTERACTIONS, default 5000; kept in
 * BENCH_DATA_DIR when given), its RSS 2 s after ready (run.ts's idle figure) and after BENCH_IDLE_SECONDS (default
 * 10), with the main thread's heap by space (bench/memory-probe.mjs), then P5's mix for BENCH_LOAD_SECONDS (default
 * 20; 0 for none) and the peak (VmHWM). BENCH_NODE_ARGS: more Node flags for the server, to compare (space-separated);
 * BENCH_SERVER_BUNDLE: a variant bundle to run instead of building `dist/server.mjs`. BENCH_IMPORT=1: then an import
 * through the API (the jobs thread starts) and the thread's end after its idle period.
 */
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 500);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 5000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const NOW = "2026-11-24T14:00:00.000Z";
const here = path.dirname(fileURLToPath(import.meta.url));

const dir = process.env.BENCH_DATA_DIR
  ? path.resolve(process.env.BENCH_DATA_DIR)
  : mkdtempSync(path.join(os.tmpdir(), "kith-mem-"));
const fresh = !existsSync(path.join(dir, "kith.db"));
const open = openDatabase({ dataDir: dir });
await migrate(open);
const deps = benchDeps(open, NOW);
const actor = fresh
  ? await generate(open, deps, { contacts: CONTACTS, interactions: INTERACTIONS, seed: 42, endAt: NOW, years: 5 })
  : { userId: "bench-user", accountId: (await deps.store.memberships.listForUser("bench-user"))[0]?.accountId ?? "" };
const { token } = await createApiToken(deps, { ...actor, role: "owner" }, { name: "memory" });
const ids = (await open.db.selectFrom("contact").select("id").orderBy("id").limit(2000).execute()).map((r) => r.id);
await open.close();

const probeFile = path.join(dir, "memory-probe.json");
const server = await startServer({
  dataDir: dir,
  nodeArgs: ["--expose-gc", "--import", path.join(here, "memory-probe.mjs"), ...NODE_ARGS],
  env: { KITH_MEMORY_PROBE_FILE: probeFile },
  bundle: process.env.BENCH_SERVER_BUNDLE,
});
const pid = server.child.pid as number;
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
/** The probe's report: asked for by a signal, written by the server. */
async function probe() {
  rmSync(probeFile, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 200 && !existsSync(probeFile); i++) await sleep(0.02);
  return existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, "utf8")) : null;
}
/** Resident memory by mapping (/proc/<pid>/smaps): the node binary, native addons, anonymous (V8 heap, malloc). */
function mappings(): string {
  const rss = new Map<string, number>();
  let name = "";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) name = path.basename(head[1] || "[anonymous]");
    const kb = /^Rss:\s+(\d+) kB/.exec(line);
    if (kb) rss.set(name, (rss.get(name) ?? 0) + Number(kb[1]));
  }
  return [...rss]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([n, kb]) => `${n} ${(kb / 1024).toFixed(1)} MB`)
    .join(", ");
}
const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
/** BENCH_IMPORT=1: a 300-row CSV import through the API (the jobs thread starts), then its end 60 s later. */
async function importRound() {
  const rows = Array.from({ length: 300 }, (_, i) => `Memory Person ${i},mem${i}@example.test`).join("\n");
  const headers = { authorization: `Bearer ${token}`, "content-type": "text/csv" };
  const t = performance.now();
  const res = await fetch(`${server.url}/api/imports?fileName=memory.csv`, {
    method: "POST",
    headers,
    body: `Name,Email\n${rows}\n`,
  });
  const { id } = (await res.json()) as { id: string };
  let status = "";
  while (!["committed", "failed"].includes(status) && performance.now() - t < 60_000) {
    await sleep(0.2);
    const job = await fetch(`${server.url}/api/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
    status = ((await job.json()) as { status: string }).status;
  }
  const during = memoryOf(pid);
  console.log(
    `import (${res.status}) ${status} in ${((performance.now() - t) / 1000).toFixed(1)} s: RSS ${during.rssMb.toFixed(0)} MB, OS threads ${threads()}`,
  );
  await sleep(65);
  console.log(`65 s after the import: RSS ${memoryOf(pid).rssMb.toFixed(0)} MB, OS threads ${threads()}`);
}
try {
  console.log(
    `account: ${ids.length} contact ids sampled; ready in ${server.readyMs.toFixed(0)} ms; flags ${NODE_ARGS}`,
  );
  await sleep(2);
  const idle = memoryOf(pid);
  console.log(`idle after 2 s (run.ts's P7): RSS ${idle.rssMb.toFixed(0)} MB, OS threads ${threads()}`);
  await sleep(Math.max(0, IDLE_SECONDS - 2));
  const later = memoryOf(pid);
  console.log(`idle after ${IDLE_SECONDS} s: RSS ${later.rssMb.toFixed(0)} MB, OS threads ${threads()}`);
  console.log(`main thread: ${JSON.stringify(await probe())}`);
  console.log(`after the probe's GC: RSS ${memoryOf(pid).rssMb.toFixed(0)} MB; by mapping: ${mappings()}`);
  if (LOAD_SECONDS > 0) {
    await warmUp(server.url, token);
    const load = await mixedLoad(server.url, token, ids, LOAD_SECONDS);
    const peak = memoryOf(pid);
    console.log(
      `P5 mix ${LOAD_SECONDS} s: ${Math.round(load.requestsPerSecond)} req/s, p99 ${load.p99Ms} ms, ${load.errors + load.non2xx} errors; RSS now ${peak.rssMb.toFixed(0)} MB, peak (VmHWM) ${peak.peakMb.toFixed(0)} MB, OS threads ${threads()}`,
    );
  }
  if (process.env.BENCH_IMPORT === "1") await importRound();
  console.log(`loadavg ${readFileSync("/proc/loadavg", "utf8").trim()}`);
} finally {
  server.stop();
  if (!process.env.BENCH_DATA_DIR) rmSync(dir, { recursive: true, force: true });
}
