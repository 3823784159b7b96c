import type {
  DeliveryKey,
  DeliveryRepository,
  DeliveryRow,
  DeliveryStatus,
  DigestFrequency,
  DigestTarget,
  NotifySettings,
} from "@kith/core";
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import { leaseFree, leaseHeldBy, noLease, takeLease } from "../leases/lease.ts";
import type { Database, DeliveryTable } from "../schema.ts";

const toRow = (r: Selectable<DeliveryTable>): DeliveryRow => ({
  accountId: r.account_id,
  kind: r.kind,
  period: r.period,
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  leaseOwner: r.lease_owner,
  leaseUntilAt: r.lease_until_at,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  sentAt: r.sent_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const byKey = (key: DeliveryKey) => (eb: ExpressionBuilder<Database, "delivery">) =>
  eb.and([eb("account_id", "=", key.accountId), eb("kind", "=", key.kind), eb("period", "=", key.period)]);

/**
 * The ledger. Every write names its full key (the account first); the lease holder is checked on every write after
 * the claim, so an instance whose lease lapsed cannot overwrite the outcome of the one that took over.
 */
export class KyselyDeliveryRepository implements DeliveryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(key: DeliveryKey, owner: string, nowAt: string, leaseUntilAt: string): Promise<DeliveryRow | null> {
    await this.db
      .insertInto("delivery")
      .values({
        account_id: key.accountId,
        kind: key.kind,
        period: key.period,
        status: "pending",
        attempts: 0,
        next_attempt_at: nowAt,
        created_at: nowAt,
        updated_at: nowAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "kind", "period"]).doNothing())
      .execute();
    // One statement decides who holds the lease (see leases/lease.ts).
    const taken = await this.db
      .updateTable("delivery")
      .set({ ...takeLease(owner, leaseUntilAt), updated_at: nowAt })
      .where(byKey(key))
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", nowAt)
      .where(leaseFree(nowAt))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    return this.find(key);
  }

  async finish(key: DeliveryKey, owner: string, result: { status: "sent" | "skipped"; at: string }) {
    const done = await this.db
      .updateTable("delivery")
      .set({
        status: result.status,
        sent_at: result.status === "sent" ? result.at : null,
        ...noLease,
        next_attempt_at: null,
        last_error: null,
        updated_at: result.at,
      })
      .where(byKey(key))
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async fail(key: DeliveryKey, owner: string, error: string, nowAt: string, nextAttemptAt: string | null) {
    const done = await this.db
      .updateTable("delivery")
      .set({
        status: nextAttemptAt ? "pending" : "failed",
        ...noLease,
        next_attempt_at: nextAttemptAt,
        last_error: error,
        updated_at: nowAt,
      })
      .where(byKey(key))
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async find(key: DeliveryKey): Promise<DeliveryRow | null> {
    const r = await this.db.selectFrom("delivery").selectAll().where(byKey(key)).executeTakeFirst();
    return r ? toRow(r) : null;
  }

  async recent(accountId: string, limit: number): Promise<DeliveryRow[]> {
    const rows = await this.db
      .selectFrom("delivery")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("kind", "!=", "action")
      .orderBy("updated_at", "desc")
      .orderBy("period", "desc")
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  async useOnce(key: DeliveryKey, nowAt: string): Promise<boolean> {
    const r = await this.db
      .insertInto("delivery")
      .values({
        account_id: key.accountId,
        kind: key.kind,
        period: key.period,
        status: "sent",
        attempts: 1,
        sent_at: nowAt,
        created_at: nowAt,
        updated_at: nowAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "kind", "period"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async release(key: DeliveryKey): Promise<void> {
    await this.db.deleteFrom("delivery").where(byKey(key)).execute();
  }

  async latest(accountId: string, kind: string): Promise<DeliveryRow | null> {
    const r = await this.db
      .selectFrom("delivery")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("kind", "=", kind)
      .orderBy("period", "desc")
      .limit(1)
      .executeTakeFirst();
    return r ? toRow(r) : null;
  }

  async retriesDue(
    nowAt: string,
    kinds: { exact: readonly string[]; prefixes: readonly string[] },
    after: DeliveryRow | null,
    limit: number,
  ): Promise<DeliveryRow[]> {
    // The literal 'pending' (not a parameter) lets both engines prove the partial index delivery_retry_due applies.
    let q = this.db
      .selectFrom("delivery")
      .selectAll()
      .where("status", "=", sql.lit("pending"))
      .where("next_attempt_at", "<=", nowAt)
      .where(leaseFree(nowAt))
      .where((eb) =>
        eb.or([
          ...kinds.exact.map((k) => eb("kind", "=", k)),
          ...kinds.prefixes.map((p) => eb(eb.fn("substr", ["kind", sql.lit(1), sql.lit(p.length)]), "=", p)),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("account_id")
      .orderBy("kind")
      .orderBy("period")
      .limit(limit);
    if (after) {
      q = q.where(
        sql<boolean>`(next_attempt_at, account_id, kind, period) > (${after.nextAttemptAt}, ${after.accountId}, ${after.kind}, ${after.period})`,
      );
    }
    return (await q.execute()).map(toRow);
  }

  async getSettings(accountId: string): Promise<NotifySettings | null> {
    const r = await this.db
      .selectFrom("notify_setting")
      .select(["digest", "hour"])
      .where("account_id", "=", accountId)
      .executeTakeFirst();
    return r ? { digest: r.digest as DigestFrequency, hour: Number(r.hour) } : null;
  }

  async setSettings(accountId: string, s: NotifySettings, nowAt: string): Promise<void> {
    await this.db
      .insertInto("notify_setting")
      .values({ account_id: accountId, digest: s.digest, hour: s.hour, updated_at: nowAt })
      .onConflict((oc) => oc.column("account_id").doUpdateSet({ digest: s.digest, hour: s.hour, updated_at: nowAt }))
      .execute();
  }

  async digestTargets(afterId: string | null, limit: number): Promise<DigestTarget[]> {
    let q = this.db
      .selectFrom("account as a")
      .leftJoin("notify_setting as n", "n.account_id", "a.id")
      .select(["a.id", "a.time_zone", "a.country", "a.settings", "n.digest", "n.hour"])
      .orderBy("a.id")
      .limit(limit);
    if (afterId !== null) q = q.where("a.id", ">", afterId);
    const rows = await q.execute();
    return rows.map((r) => ({
      accountId: r.id,
      timeZone: r.time_zone,
      country: r.country,
      accountSettings: r.settings,
      notify:
        r.digest !== null && r.hour !== null ? { digest: r.digest as DigestFrequency, hour: Number(r.hour) } : null,
    }));
  }
}
