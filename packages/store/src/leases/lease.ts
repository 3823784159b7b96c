import { type RawBuilder, sql } from "kysely";

/**
 * How a job is leased, for every table whose rows are work one instance does at a time (`import_job`, `delivery`):
 * the row names its holder (`lease_owner`) and until when (`lease_until_at`, an ISO instant, so it compares as
 * text on both engines).
 *
 * - Taking is one conditional UPDATE whose WHERE says the lease is free: PostgreSQL re-checks the WHERE on a row a
 *   concurrent winner just changed and SQLite has one writer, so exactly one instance sees its row updated.
 * - Free means never taken, given back, or lapsed: a dead or stalled holder's lease runs out and anyone may take over.
 * - Every later write names the holder, so an instance whose lease lapsed cannot write over the one that took over.
 * - Taking counts an attempt, which lets each ledger give up on work that keeps failing.
 *
 * The expressions are written as SQL over the two column names both tables share, so one helper fits every
 * leased table; they read exactly as the query builder would write them.
 */

/**
 * The lease checks over a table's two lease columns: the job lease's (`lease_owner`, `lease_until_at`) below, and a
 * second lease a row may carry beside it (a mailbox's IMAP IDLE watch: `idle_owner`, `idle_until_at`).
 */
export function leaseOver(ownerColumn: string, untilColumn: string) {
  const owner = sql.ref(ownerColumn);
  const untilAt = sql.ref(untilColumn);
  return {
    /** The lease is free at `nowAt`: never taken, given back, or lapsed. */
    free: (nowAt: string): RawBuilder<boolean> => sql<boolean>`(${untilAt} is null or ${untilAt} <= ${nowAt})`,
    /** Free, or already `holder`'s (taking it again renews it: a worker resuming its own job). */
    freeOrHeldBy: (holder: string, nowAt: string): RawBuilder<boolean> =>
      sql<boolean>`(${untilAt} is null or ${untilAt} <= ${nowAt} or ${owner} = ${holder})`,
    /** `holder` holds the lease: the check on every write after the claim. */
    heldBy: (holder: string): RawBuilder<boolean> => sql<boolean>`${owner} = ${holder}`,
  };
}

const jobLease = leaseOver("lease_owner", "lease_until_at");

/** The lease is free at `nowAt`: never taken, given back, or lapsed. */
export const leaseFree = jobLease.free;

/** Free, or already `holder`'s (taking it again renews it: a worker resuming its own job). */
export const leaseFreeOrHeldBy = jobLease.freeOrHeldBy;

/** `holder` holds the lease: the check on every write after the claim. */
export const leaseHeldBy = jobLease.heldBy;

/** The columns a claim sets: the holder, until when, one more attempt. */
export function takeLease(holder: string, leaseUntilAt: string) {
  return { lease_owner: holder, lease_until_at: leaseUntilAt, attempts: sql<number>`attempts + 1` };
}

/** The column a holder's progress write sets to keep its lease (checked with `leaseHeldBy` in the same statement). */
export function renewLease(leaseUntilAt: string) {
  return { lease_until_at: leaseUntilAt };
}

/** The columns that give a lease back (the work ended, failed, or its instance is stopping). */
export const noLease = { lease_owner: null, lease_until_at: null } as const;
