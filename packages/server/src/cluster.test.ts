import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Actor, createAccountForUser, createApiToken, createContact, type Deps } from "@kith/core";
import { FakeClock, SequentialIds } from "@kith/core/testing";
import { randomSecrets } from "@kith/runtime";
import { createStore, migrate, openDatabase } from "@kith/store";
import { insertTestUser } from "@kith/store/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./delivery/testing/server-process.ts";

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** The primary's node children (tsx's esbuild helper is a child too, and not a worker). */
const workersOf = (pid: number): number[] => {
  try {
    return execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([, comm]) => comm === "node")
      .map(([child]) => Number(child));
  } catch {
    return []; // ps exits 1 when there are none
  }
};

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** An account with contacts and an API token in a fresh SQLite folder, made through the services. */
async function seed(dataDir: string): Promise<{ token: string; contactId: string; contactIds: string[] }> {
  const open = openDatabase({ dataDir });
  await migrate(open);
  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock: new FakeClock("2026-11-03T13:00:00.000Z"),
    ids: new SequentialIds(),
    secrets: randomSecrets, // the server hashes tokens the same way
  };
  await insertTestUser(open, { id: "u1", email: "ada@example.test", name: "Ada" });
  const account = await deps.store.transaction((tx) => createAccountForUser(deps, tx, { id: "u1", name: "Ada" }, {}));
  const actor: Actor = { userId: "u1", accountId: account.id, role: "owner" };
  const contacts = [];
  for (const [firstName, circle] of [
    ["Grace", "network"],
    ["Alan", "inner"],
    ["Edsger", "close"],
    ["Barbara", "inner"],
  ] as const) {
    contacts.push(await createContact(deps, actor, { firstName, circle }));
  }
  const { token } = await createApiToken(deps, actor, { name: "cluster test" });
  await open.close();
  const contactIds = contacts.map((c) => c.id);
  return { token, contactId: contactIds[0] as string, contactIds };
}

/** The stored derived columns of every contact in the SQLite file, by id (read beside the running server). */
async function derivedState(dataDir: string) {
  const open = openDatabase({ dataDir });
  try {
    const rows = await open.db
      .selectFrom("contact")
      .select(["id", "touch_count", "last_touch_at", "last_reply_at", "unanswered_attempt_ats"])
      .select(["next_due_on", "recompute_on", "due_item", "due_priority"])
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ ...r, touch_count: Number(r.touch_count) }));
  } finally {
    await open.close();
  }
}

/**
 * One request on a connection of its own (no keep-alive), so the primary hands each to the next worker in turn:
 * the writes spread over every worker process.
 */
function call(url: string, method: string, route: string, token: string, body?: unknown) {
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${url}${route}`,
      {
        method,
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** The pids of the processes whose log says they took a request for `method url`. */
function pidsServing(log: string, method: string, url: string): Set<number> {
  const pids = new Set<number>();
  for (const line of log.split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { pid?: number; msg?: string; req?: { method?: string; url?: string } };
    if (entry.msg === "incoming request" && entry.req?.method === method && entry.req.url === url && entry.pid) {
      pids.add(entry.pid);
    }
  }
  return pids;
}

const WRITERS = 8;
const WRITES_EACH = 20;
const DIRECTIONS = ["outbound", "inbound", "mutual"] as const;
const pastAt = (writer: number, step: number) =>
  new Date(Date.now() - (((writer * 37 + step * 11) % 90) + 1) * 86_400_000).toISOString();

describe("KITH_WORKERS on the embedded SQLite", () => {
  let server: ServerProcess | null = null;
  let dir = "";
  afterEach(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGKILL");
      for (const pid of workersOf(server.child.pid as number)) process.kill(pid, "SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves from two processes that share the port and the data, and replaces a worker that dies", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kith-cluster-"));
    const { token, contactId } = await seed(dir);
    const port = await freePort();
    server = startServerProcess({
      KITH_DATA_DIR: dir,
      PORT: String(port),
      KITH_WORKERS: "2",
      KITH_AUTH_SECRET: "cluster-test-secret-cluster-test-secret-0",
      LOG_LEVEL: "info",
    });
    await server.ready;
    const primary = server.child.pid as number;
    const first = await until("two workers", () => {
      const pids = workersOf(primary);
      return pids.length === 2 ? pids : undefined;
    });

    // Writes from both workers at once: every one lands, none is lost to a lock.
    const url = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fetch(`${url}/api/interactions`, {
          method: "POST",
          headers,
          body: JSON.stringify({ contactIds: [contactId], kind: "call", direction: "outbound", summary: `call ${i}` }),
        }).then((res) => res.status),
      ),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const contact = (await (await fetch(`${url}/api/contacts/${contactId}`, { headers })).json()) as {
      touchCount: number;
    };
    expect(contact.touchCount).toBe(60);

    // A worker killed outright is replaced; the port keeps answering meanwhile.
    process.kill(first[0] as number, "SIGKILL");
    const replaced = await until("a replacement worker", () => {
      const pids = workersOf(primary);
      return pids.length === 2 && !pids.includes(first[0] as number) ? pids : undefined;
    });
    expect(replaced).toContain(first[1]);
    expect((await fetch(`${url}/healthz`)).ok).toBe(true);

    // SIGTERM to the primary stops everything.
    server.child.kill("SIGTERM");
    await server.exited;
    await until("the workers to end", () => (workersOf(primary).length === 0 ? true : undefined));
  }, 120_000);

  it("takes eight writers spread over four workers on one SQLite file: no lock error, derived state as a rebuild", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kith-cluster-"));
    const { token, contactIds } = await seed(dir);
    const port = await freePort();
    server = startServerProcess({
      KITH_DATA_DIR: dir,
      PORT: String(port),
      KITH_WORKERS: "4",
      KITH_AUTH_SECRET: "cluster-test-secret-cluster-test-secret-0",
      LOG_LEVEL: "info",
      KITH_BACKUP_KEEP: "0",
    });
    await server.ready;
    const primary = server.child.pid as number;
    await until("four workers", () => (workersOf(primary).length === 4 ? true : undefined));
    const url = `http://127.0.0.1:${port}`;
    const [a, b, c, d] = contactIds as [string, string, string, string];

    // Each writer logs back-dated interactions (out of time order, one to three contacts, every direction) and now
    // and then moves or deletes its previous one: every write reads and rewrites the contacts' derived state.
    const failures: string[] = [];
    const writer = async (k: number) => {
      let previous: string | null = null;
      for (let step = 0; step < WRITES_EACH; step++) {
        const ids = step % 4 === 1 ? [b, a] : step % 6 === 2 ? [a, c, b] : step % 5 === 3 ? [d] : [a];
        const logged = await call(url, "POST", "/api/interactions", token, {
          contactIds: ids,
          kind: "email",
          direction: DIRECTIONS[(k + step) % 3],
          occurredAt: pastAt(k, step),
        });
        if (logged.status !== 201) failures.push(`log ${logged.status} ${JSON.stringify(logged.json)}`);
        if (previous && step % 7 === 3) {
          const moved = await call(url, "PATCH", `/api/interactions/${previous}`, token, {
            contactIds: [c, a],
            occurredAt: pastAt(k + 1, step),
          });
          if (moved.status !== 200) failures.push(`update ${moved.status} ${JSON.stringify(moved.json)}`);
        } else if (previous && step % 9 === 5) {
          const deleted = await call(url, "DELETE", `/api/interactions/${previous}`, token);
          if (deleted.status !== 204) failures.push(`delete ${deleted.status} ${JSON.stringify(deleted.json)}`);
        }
        previous = (logged.json as { id: string }).id;
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, k) => writer(k)));
    expect(failures).toEqual([]);
    // The writes really came through every worker process.
    expect(pidsServing(server.output(), "POST", "/api/interactions").size).toBe(4);

    const stored = await derivedState(dir);
    expect(stored.map((r) => r.touch_count).reduce((x, y) => x + y, 0)).toBeGreaterThan(WRITERS * WRITES_EACH);
    const rebuilt = await call(url, "POST", "/api/due-state/rebuild", token);
    expect(rebuilt.status).toBe(200);
    expect(await derivedState(dir)).toEqual(stored);

    server.child.kill("SIGTERM");
    await server.exited;
  }, 180_000);
});
