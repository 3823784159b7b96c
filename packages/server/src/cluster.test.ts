import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

/** An account with a contact and an API token in a fresh SQLite folder, made through the services. */
async function seed(dataDir: string): Promise<{ token: string; contactId: string }> {
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
  const contact = await createContact(deps, actor, { firstName: "Grace" });
  const { token } = await createApiToken(deps, actor, { name: "cluster test" });
  await open.close();
  return { token, contactId: contact.id };
}

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
});
