import type SQLite from "better-sqlite3";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from "kysely";

/**
 * How a connection waits for SQLite's write lock while another connection (the jobs thread, another process of
 * `KITH_WORKERS`, the CLI) holds it:
 * - `async`: SQLite's own wait is kept short (`ASYNC_BUSY_TIMEOUT_MS`) and a statement refused as busy is tried
 *   again after an asynchronous sleep, so the event loop answers other requests meanwhile. For the loop that
 *   answers requests: better-sqlite3 is synchronous, and SQLite's busy timeout sleeps the whole thread.
 * - `blocking`: SQLite's busy timeout does all the waiting, the thread asleep in it. For a thread or process with
 *   nothing else to answer (the jobs thread), where it gets the lock a little sooner.
 * Either way a statement waits `BUSY_WAIT_MS` in all, then fails with SQLite's busy error as it always did.
 */
export type BusyWait = "async" | "blocking";

/** How long a statement waits for the write lock in all before it fails with `SQLITE_BUSY`. */
export const BUSY_WAIT_MS = 5000;
/** SQLite's busy timeout on an `async` connection: how long one try may hold the thread. */
export const ASYNC_BUSY_TIMEOUT_MS = 2;
/** The sleeps between tries on an `async` connection (the last one repeats). */
const ASYNC_SLEEPS_MS = [1, 2, 3, 5];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** SQLite refused the statement for a lock another connection holds (`SQLITE_BUSY` and its extended codes). */
export function isBusyError(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * Runs `attempt` until SQLite does not refuse it as busy, pausing asynchronously between tries (`pause`, a sleep by
 * default), for at most `BUSY_WAIT_MS`; then the last busy error is thrown. Only for a statement that has no effect
 * when it is refused: one outside any transaction (an autocommit statement is undone whole, a `begin immediate`
 * begins nothing).
 */
export async function retryWhileBusy<T>(
  attempt: () => T | Promise<T>,
  pause: (ms: number) => Promise<void> = sleep,
  nowMs = () => performance.now(),
): Promise<T> {
  const deadline = nowMs() + BUSY_WAIT_MS;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const ms = ASYNC_SLEEPS_MS[Math.min(tries, ASYNC_SLEEPS_MS.length - 1)] ?? 5;
      if (!isBusyError(error) || nowMs() + ms > deadline) throw error;
      await pause(ms);
    }
  }
}

/** Kysely's one SQLite connection, taken in turn (first come, first served). */
class ConnectionTurns {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  async take(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/**
 * Kysely's SQLite dialect whose connection waits for the write lock asynchronously (see `BusyWait`). A statement
 * is tried again only when the connection was outside any transaction before it ran: then a busy refusal had no
 * effect (`begin immediate` — the store's transactions begin IMMEDIATE — began nothing; an autocommit statement
 * was undone whole). Inside a transaction the connection already holds the write lock (it began IMMEDIATE), and in
 * WAL mode neither its statements nor its commit wait for anyone (readers never block a writer; the commit's
 * checkpoint is passive), so no busy refusal is expected there; one that came anyway is thrown at once, and the
 * transaction is rolled back as for any error: trying a statement again inside it could not be told safe.
 * While a statement sleeps between tries it gives up its turn on the connection, so reads (and other statements)
 * on this connection do not queue behind a write that waits for the lock.
 */
export class AsyncBusySqliteDialect extends SqliteDialect {
  readonly #sqlite: SQLite.Database;

  constructor(config: SqliteDialectConfig, sqlite: SQLite.Database) {
    super(config);
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new AsyncBusyDriver(super.createDriver(), this.#sqlite);
  }
}

class AsyncBusyDriver implements Driver {
  readonly #inner: Driver;
  readonly #sqlite: SQLite.Database;
  readonly #turns = new ConnectionTurns();
  #connection: DatabaseConnection | undefined;

  constructor(inner: Driver, sqlite: SQLite.Database) {
    this.#inner = inner;
    this.#sqlite = sqlite;
  }

  /**
   * Takes Kysely's connection from its own driver once, for good, and hands it out in turns here instead: a statement
   * waiting for the write lock gives its turn up while it sleeps (it is outside any transaction then, so the
   * connection holds nothing of it), and reads, which WAL never makes wait, go on meanwhile instead of queueing
   * behind it. It takes a turn again before the next try.
   */
  async init() {
    await this.#inner.init();
    const connection = await this.#inner.acquireConnection();
    const sqlite = this.#sqlite;
    const turns = this.#turns;
    const pause = async (ms: number) => {
      turns.give();
      try {
        await sleep(ms);
      } finally {
        await turns.take();
      }
    };
    this.#connection = {
      executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        if (sqlite.inTransaction) return connection.executeQuery<R>(query);
        return retryWhileBusy(() => connection.executeQuery<R>(query), pause);
      },
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
    };
  }

  /** The connection, in its turn; each statement runs through `retryWhileBusy` where that is safe. */
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.take();
    if (!this.#connection) throw new Error("the SQLite driver was not initialised");
    return this.#connection;
  }

  // The transaction commands run through the connection given, so `begin` is tried again like any statement.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }
  savepoint(...args: Parameters<NonNullable<Driver["savepoint"]>>) {
    return savepointsOf(this.#inner).savepoint(...args);
  }
  rollbackToSavepoint(...args: Parameters<NonNullable<Driver["rollbackToSavepoint"]>>) {
    return savepointsOf(this.#inner).rollbackToSavepoint(...args);
  }
  releaseSavepoint(...args: Parameters<NonNullable<Driver["releaseSavepoint"]>>) {
    return savepointsOf(this.#inner).releaseSavepoint(...args);
  }
  async releaseConnection() {
    this.#turns.give();
  }
  destroy() {
    return this.#inner.destroy();
  }
}

/** Kysely's SQLite driver has savepoints; this says so to the type checker (and fails loudly should it change). */
function savepointsOf(driver: Driver) {
  const { savepoint, rollbackToSavepoint, releaseSavepoint } = driver;
  if (!savepoint || !rollbackToSavepoint || !releaseSavepoint)
    throw new Error("Kysely's SQLite driver lost savepoints");
  return {
    savepoint: savepoint.bind(driver),
    rollbackToSavepoint: rollbackToSavepoint.bind(driver),
    releaseSavepoint: releaseSavepoint.bind(driver),
  };
}
