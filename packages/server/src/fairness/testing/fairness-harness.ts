import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { getPriority, setPriority, tmpdir } from "node:os";
import path from "node:path";
import { type Actor, commitImport, createAccountForUser, createApiToken, type Deps } from "@kith/core";
import { generateLinkedInExport } from "@kith/core/testing/generate-linkedin-export";
import { randomIds, randomSecrets } from "@kith/runtime";
import { createStore, type DatabaseConfig, migrate, openDatabase } from "@kith/store";
import { insertTestUser, TEST_PG_URL } from "@kith/store/testing";
import pg from "pg";
import { type ServerProcess, startServerProcess } from "../../delivery/testing/server-process.ts";

/** The fairness test's parts (`fairness.alone.test.ts`): the parties, the server process, B's timed loop. */

export type Engine = "sqlite" | "postgres";

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

export interface Party {
  actor: Actor;
  token: string;
}

export interface Parties {
  importer: Party;
  restorer: Party;
  observer: Party;
}

async function party(deps: Deps, open: Parameters<typeof insertTestUser>[0], name: string): Promise<Party> {
  await insertTestUser(open, { id: `user-${name}`, email: `${name}@example.test`, name });
  const account = await deps.store.transaction((tx) =>
    createAccountForUser(deps, tx, { id: `user-${name}`, name }, { timeZone: "Europe/Paris" }),
  );
  const actor: Actor = { userId: `user-${name}`, accountId: account.id, role: "owner" };
  const { token } = await createApiToken(deps, actor, { name: "fairness" });
  return { actor, token };
}

/** A (the importer) and R (the restorer) with nothing yet, B (the observer) with 3,000 contacts of its own. */
async function seed(database: DatabaseConfig): Promise<Parties> {
  const open = openDatabase(database);
  try {
    await migrate(open);
    const deps: Deps = {
      store: createStore(open.db, open.dialect),
      clock: { now: () => new Date() },
      ids: randomIds,
      secrets: randomSecrets,
    };
    const importer = await party(deps, open, "importer");
    const restorer = await party(deps, open, "restorer");
    const observer = await party(deps, open, "observer");
    const own = await commitImport(deps, observer.actor, {
      content: generateLinkedInExport(3000, 7).content,
      fileName: "Connections.csv",
    });
    if (own.status !== "committed") throw new Error(`B's own import ended ${own.status}`);
    return { importer, restorer, observer };
  } finally {
    await open.close();
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface FairnessServer {
  url: string;
  parties: Parties;
  server: ServerProcess;
  /** The server's and this process's nice values while measuring (see `FAIRNESS_NICENESS`). */
  priorities: { server: number; client: number };
  close(): Promise<void>;
}

/**
 * The priority the server process and this process's main thread (B's client) ask the kernel for while measuring,
 * KITH_FAIRNESS_NICE (0 by default: nothing asked). On a machine shared with other work (other sessions' suites)
 * the rest of the machine decides much of the p99 — B alone, with no import, measured 194 ms at load 12 — and a
 * negative value (e.g. -10) puts the test's two processes ahead of that work, to see what one account's work costs
 * another inside the server. Only a process allowed to raise priorities (root, CAP_SYS_NICE) gets it; the log says
 * what each ran at. The jobs thread still runs 10 below the server's request loop (`jobs-thread.ts`).
 */
export const FAIRNESS_NICENESS = Number(process.env.KITH_FAIRNESS_NICE ?? 0);

function raiseClient(): number {
  try {
    if (FAIRNESS_NICENESS !== 0) setPriority(FAIRNESS_NICENESS);
  } catch {
    // Not allowed: measured at the priority it has.
  }
  return getPriority();
}

/**
 * The real server in its own process (`main.ts`, as `npm start` runs it) on a SQLite file in a fresh data dir or a
 * fresh PostgreSQL database, seeded first by this process.
 */
export async function startFairnessServer(engine: Engine): Promise<FairnessServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "kith-fairness-"));
  const database = `kith_fairness_${process.pid}_${Date.now().toString(36)}`;
  const pgUrl = new URL(TEST_PG_URL);
  pgUrl.pathname = `/${database}`;
  if (engine === "postgres") await admin(`CREATE DATABASE ${database}`);
  const parties = await seed(engine === "postgres" ? { databaseUrl: pgUrl.toString() } : { dataDir: dir });
  const port = await freePort();
  const env = {
    KITH_DATA_DIR: dir,
    PORT: String(port),
    KITH_AUTH_SECRET: "fairness-test-secret-fairness-test-secret",
    KITH_BACKUP_KEEP: "0",
    ...(engine === "postgres" ? { DATABASE_URL: pgUrl.toString() } : {}),
  };
  const server = startServerProcess(env, { niceness: FAIRNESS_NICENESS });
  await server.ready;
  const client = raiseClient();
  return {
    url: `http://127.0.0.1:${port}`,
    parties,
    server,
    priorities: { server: server.child.pid ? getPriority(server.child.pid) : 0, client },
    async close() {
      if (server.child.exitCode === null) {
        server.child.kill("SIGTERM");
        await server.exited;
      }
      if (engine === "postgres") await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Sample {
  ms: number;
  route: number;
  /** When it was sent and answered (the wall clock, to compare with the server's job times). */
  sentAt: number;
  doneAt: number;
}

/** B's loop: one request at a time, cycling through today, a search and the health check, each timed. */
export function observe(url: string, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  const searches = ["ann", "smith", "li", "garcía", "zo"];
  const requests = [
    () => fetch(`${url}/api/today`, { headers: auth }),
    (n: number) =>
      fetch(`${url}/api/contacts?q=${encodeURIComponent(searches[n % searches.length] ?? "")}`, { headers: auth }),
    () => fetch(`${url}/healthz`),
  ];
  const samples: Sample[] = [];
  const errors: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const route = n % requests.length;
      const sentAt = Date.now();
      const start = performance.now();
      try {
        const res = await (requests[route] as (n: number) => Promise<Response>)(n);
        await res.arrayBuffer();
        if (!res.ok) errors.push(`${res.status} on request ${n}`);
      } catch (error) {
        errors.push(String(error));
      }
      samples.push({ ms: performance.now() - start, route, sentAt, doneAt: Date.now() });
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    samples,
    errors,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
export type Observer = ReturnType<typeof observe>;

/** Starts B's loop, warms the routes (JIT, statement caches), then measures B alone for the log. */
export async function observeWarm(url: string, token: string) {
  const b = observe(url, token);
  await new Promise((r) => setTimeout(r, 1500));
  b.samples.length = 0;
  await new Promise((r) => setTimeout(r, 3000));
  const idle = b.samples.splice(0).map((s) => s.ms);
  return { b, idle };
}

export interface ImportState {
  status: string;
  created: number;
  createdAt: string;
  finishedAt: string | null;
}

export async function waitForImport(url: string, auth: Record<string, string>, id: string): Promise<ImportState> {
  for (;;) {
    const state = (await (await fetch(`${url}/api/imports/${id}`, { headers: auth })).json()) as ImportState;
    if (state.status === "committed" || state.status === "failed") return state;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForRestore(url: string, auth: Record<string, string>, id: string) {
  for (;;) {
    const res = await fetch(`${url}/api/backup/restore/${id}`, { headers: auth });
    const state = (await res.json()) as { status: string; error: string | null; counts: { contacts: number } | null };
    if (state.status === "committed" || state.status === "failed") return state;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const p99 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))] ?? Number.NaN;
};

/** B's samples sent and answered within [from, to]: the window in which the heavy work ran. */
export const within = (samples: readonly Sample[], from: number, to: number) =>
  samples.filter((s) => s.sentAt >= from && s.doneAt <= to);

/**
 * The longest time within [from, to] when none of `spans` (each job's queued..finished) was open: A's work must
 * overlap B's whole window, so this stays small (the time to queue the next job after one ends).
 */
export function longestGap(spans: readonly { from: number; to: number }[], from: number, to: number): number {
  let covered = from;
  let gap = 0;
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    if (span.from > covered) gap = Math.max(gap, Math.min(span.from, to) - covered);
    covered = Math.max(covered, span.to);
    if (covered >= to) break;
  }
  return Math.max(gap, to - covered);
}

/** B's p99 and each route's, as a line for the log. */
export function summary(samples: readonly Sample[], idle: number[]) {
  const all = samples.map((s) => s.ms);
  const byRoute = ["today", "search", "healthz"].map((name, route) => {
    const ms = samples.filter((s) => s.route === route).map((s) => s.ms);
    return `${name} n=${ms.length} p99=${p99(ms).toFixed(1)} max=${Math.max(...ms).toFixed(1)}`;
  });
  return {
    all,
    line: `B alone ${idle.length} requests, p99 ${p99(idle).toFixed(1)} ms; ${all.length} requests by B, p99 ${p99(all).toFixed(1)} ms; ${byRoute.join("; ")}`,
  };
}
