import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "./database.ts";
import { BUSY_WAIT_MS } from "./sqlite-busy-wait.ts";
import { useTempDir } from "./testing/index.ts";

/**
 * The request loop's connection (`busyWait: "async"`, the default) on a real SQLite file, while a second
 * connection to the same file holds the write lock. The second connection lives on this same thread, and lets go
 * of the lock only from a timer: had the loop's write slept the thread in SQLite's busy timeout (as it did before,
 * and as a `blocking` connection still does), the timer could not run until the busy timeout gave up, and the write
 * would fail. So a write that completes proves the loop turned while it waited, with no clock in the assertion.
 */
describe("the request loop's SQLite connection waits for the write lock without holding the loop", () => {
  const tmp = useTempDir("kith-busy-wait-");
  const opened: { open?: OpenDatabase; other?: SQLite.Database } = {};
  afterEach(async () => {
    if (opened.other?.inTransaction) opened.other.exec("ROLLBACK");
    opened.other?.close();
    await opened.open?.close();
    delete opened.open;
    delete opened.other;
  });

  async function twoConnections() {
    const open = openDatabase({ dataDir: tmp.path });
    opened.open = open;
    await sql`create table t (x integer not null)`.execute(open.db);
    const other = new SQLite(path.join(tmp.path, "kith.db"));
    opened.other = other;
    other.pragma("busy_timeout = 0");
    return { open, other };
  }
  const values = (open: OpenDatabase) =>
    (open.raw as SQLite.Database)
      .prepare("select x from t order by x")
      .all()
      .map((r) => (r as { x: number }).x);
  /** Holds the write lock on `other` (a transaction with a write in it) until `release` is called. */
  function holdLock(other: SQLite.Database) {
    other.exec("BEGIN IMMEDIATE");
    other.exec("insert into t values (1)");
    return { release: () => other.exec("COMMIT") };
  }

  it.each([
    ["an autocommit statement", (open: OpenDatabase) => sql`insert into t values (2)`.execute(open.db), [1, 2]],
    [
      "a transaction (its BEGIN IMMEDIATE waits)",
      (open: OpenDatabase) =>
        open.db.transaction().execute(async (tx) => {
          await sql`insert into t values (2)`.execute(tx);
          await sql`insert into t values (3)`.execute(tx);
        }),
      [1, 2, 3],
    ],
  ] as const)(
    "%s waits while timers on the loop run, and completes once the lock is let go",
    async (_, write, rows) => {
      const { open, other } = await twoConnections();
      const seen: string[] = [];
      const lock = holdLock(other);
      const writing = write(open).then(() => seen.push("written"));
      setTimeout(() => seen.push("a timer set after the write started"), 0);
      setTimeout(() => {
        seen.push("released");
        lock.release();
      }, 50);
      await writing;
      expect(seen).toEqual(["a timer set after the write started", "released", "written"]);
      expect(values(open)).toEqual(rows);
    },
  );

  it("a read on the same connection goes on while a write there waits for the lock (it does not queue behind it)", async () => {
    const { open, other } = await twoConnections();
    const seen: string[] = [];
    const lock = holdLock(other);
    const writing = open.db
      .transaction()
      .execute((tx) => sql`insert into t values (2)`.execute(tx))
      .then(() => seen.push("written"));
    // Let the write take the connection and be refused once.
    await new Promise((resolve) => setImmediate(resolve));
    const read = await sql<{ n: number }>`select count(*) as n from t`.execute(open.db);
    seen.push(`read ${read.rows[0]?.n}`);
    setTimeout(() => {
      seen.push("released");
      lock.release();
    }, 20);
    await writing;
    expect(seen).toEqual(["read 0", "released", "written"]);
    expect(values(open)).toEqual([1, 2]);
  });

  it("reads go on while a write is held elsewhere, and the loop's own transaction commits among readers", async () => {
    const { open, other } = await twoConnections();
    const lock = holdLock(other);
    // WAL: a read outside any transaction never waits for a writer.
    expect(await sql`select count(*) as n from t`.execute(open.db)).toMatchObject({ rows: [{ n: 0 }] });
    lock.release();
    // Inside the loop's transaction (which holds the write lock) a reader elsewhere holds a snapshot open, and a
    // writer elsewhere is refused: neither makes the transaction's statements or its commit busy.
    const reader = new SQLite(path.join(tmp.path, "kith.db"));
    try {
      reader.exec("BEGIN");
      expect(reader.prepare("select count(*) as n from t").get()).toEqual({ n: 1 });
      await open.db.transaction().execute(async (tx) => {
        await sql`insert into t values (2)`.execute(tx);
        expect(() => other.exec("insert into t values (9)")).toThrow(expect.objectContaining({ code: "SQLITE_BUSY" }));
        await sql`insert into t values (3)`.execute(tx);
      });
      expect(reader.prepare("select count(*) as n from t").get()).toEqual({ n: 1 });
      reader.exec("COMMIT");
    } finally {
      reader.close();
    }
    expect(values(open)).toEqual([1, 2, 3]);
  });

  it(`a lock held past ${BUSY_WAIT_MS / 1000} s still fails the write with SQLite's busy error, nothing written`, async () => {
    const { open, other } = await twoConnections();
    const lock = holdLock(other);
    let turns = 0;
    const ticking = setInterval(() => turns++, 10);
    try {
      await expect(sql`insert into t values (2)`.execute(open.db)).rejects.toMatchObject({
        code: "SQLITE_BUSY",
        message: "database is locked",
      });
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);
    lock.release();
    expect(values(open)).toEqual([1]);
    // The connection is whole afterwards: the next write goes through.
    await sql`insert into t values (2)`.execute(open.db);
    expect(values(open)).toEqual([1, 2]);
  }, 20_000);

  it("a blocking connection (the jobs thread's) keeps SQLite's own busy timeout", async () => {
    const open = openDatabase({ dataDir: tmp.path, busyWait: "blocking" });
    opened.open = open;
    expect((open.raw as SQLite.Database).pragma("busy_timeout", { simple: true })).toBe(BUSY_WAIT_MS);
  });
});
