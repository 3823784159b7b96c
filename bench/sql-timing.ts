import type Database from "better-sqlite3";

/**
 * SQLite: every statement's time, reported by its text, taken around better-sqlite3's `all`, `get` and `run` so the
 * store keeps its own statement cache (a logging Kysely over the raw connection would prepare every statement
 * again). Patches the statement prototype of `raw`'s library for the rest of the process.
 */
export function timeSqliteStatements(raw: Database.Database, spent: (source: string, ms: number) => void): void {
  const proto = Object.getPrototypeOf(raw.prepare("select 1")) as Record<string, unknown>;
  for (const method of ["all", "get", "run"]) {
    const original = proto[method] as (this: Database.Statement, ...a: unknown[]) => unknown;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        spent(this.source, performance.now() - start);
      }
    };
  }
}
