import type { SelectQueryBuilder } from "kysely";
import type { Database, Dialect } from "../schema.ts";

/**
 * Contact rows read to be written back, held until the transaction ends.
 *
 * PostgreSQL runs READ COMMITTED: each statement sees what was committed when it began, so two writers that read a
 * contact's stored state (its history summary, its fields) and write it back would each overwrite the other's
 * work. A locking read makes the second writer wait for the first to commit and then read its result.
 *
 * - FOR NO KEY UPDATE, the lock an UPDATE of non-key columns takes, not FOR UPDATE: it does not conflict with the
 *   KEY SHARE lock a foreign key check takes, so inserting an interaction's links never waits on a contact held.
 * - In id order: transactions that hold several contacts take them in the same order, so none waits in a circle.
 *   Contacts come first in every writing transaction, before interactions, follow-ups and the account row (the
 *   habit triggers of migration 0011 write it).
 *
 * SQLite has one writer at a time (the store's transactions begin IMMEDIATE): order only.
 */
export function inLockOrder<O>(query: SelectQueryBuilder<Database, "contact", O>, dialect: Dialect) {
  const ordered = query.orderBy("id");
  return dialect === "postgres" ? ordered.forNoKeyUpdate() : ordered;
}
