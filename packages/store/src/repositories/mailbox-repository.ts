import type {
  CorrespondentMessage,
  LedgerMessage,
  MailboxRecord,
  MailboxRepository,
  MailboxSettings,
  RunOutcome,
} from "@kith/core";
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import { leaseFree, leaseHeldBy, leaseOver, noLease, renewLease, takeLease } from "../leases/lease.ts";

/** The IMAP IDLE watch's own lease, beside the sync job's (`mailbox.idle_owner`, `idle_until_at`). */
const idleWatch = leaseOver("idle_owner", "idle_until_at");

import type { Database, MailboxTable } from "../schema.ts";
import { fromFlag, fromJson, toFlag, toJson } from "./json.ts";

const toRecord = (r: Selectable<MailboxTable> & { email: string }): MailboxRecord => ({
  accountId: r.account_id,
  userId: r.user_id,
  userEmail: r.email,
  host: r.host,
  port: Number(r.port),
  tls: fromFlag(r.tls),
  user: r.imap_user,
  sealedPassword: r.sealed_password,
  folders: fromJson(r.folders, []),
  startOn: r.start_on,
  storeBodies: fromFlag(r.store_bodies),
  autoCreate: fromFlag(r.auto_create),
  aliases: fromJson(r.aliases, []),
  logFolder: r.log_folder,
  logAddress: r.log_address,
  state: r.state as MailboxRecord["state"],
  error: r.error,
  lastRunAt: r.last_run_at,
  lastSuccessAt: r.last_success_at,
  nextRunAt: r.next_run_at,
  failures: Number(r.failures),
  messagesCount: Number(r.messages_count),
  loggedCount: Number(r.logged_count),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * One mailbox per member (account × user) with its sync job's lease, the folders' marks, the Message-ID ledger and
 * the unknown correspondents. Every query names its account; `due` is the job's system scan across accounts.
 */
export class KyselyMailboxRepository implements MailboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private mailbox(accountId: string, userId: string) {
    return this.db
      .selectFrom("mailbox as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .selectAll("m")
      .select("u.email")
      .where("m.account_id", "=", accountId)
      .where("m.user_id", "=", userId);
  }

  async find(accountId: string, userId: string): Promise<MailboxRecord | null> {
    const r = await this.mailbox(accountId, userId).executeTakeFirst();
    return r ? toRecord(r) : null;
  }

  async save(accountId: string, s: MailboxSettings, nowAt: string): Promise<void> {
    const values = {
      host: s.host,
      port: s.port,
      tls: toFlag(s.tls),
      imap_user: s.user,
      sealed_password: s.sealedPassword,
      folders: toJson(s.folders),
      start_on: s.startOn,
      store_bodies: toFlag(s.storeBodies),
      auto_create: toFlag(s.autoCreate),
      aliases: toJson(s.aliases),
      log_folder: s.logFolder,
      log_address: s.logAddress,
      updated_at: s.updatedAt,
    };
    await this.db
      .insertInto("mailbox")
      .values({
        ...values,
        account_id: accountId,
        user_id: s.userId,
        state: "waiting",
        next_run_at: nowAt,
        failures: 0,
        messages_count: 0,
        logged_count: 0,
        attempts: 0,
        created_at: s.createdAt,
      })
      .onConflict((oc) =>
        oc.columns(["account_id", "user_id"]).doUpdateSet({ ...values, next_run_at: nowAt, failures: 0 }),
      )
      .execute();
  }

  async delete(accountId: string, userId: string): Promise<boolean> {
    for (const table of ["mailbox_folder", "mailbox_correspondent_message", "mailbox_dismissal"] as const) {
      await this.db.deleteFrom(table).where("account_id", "=", accountId).where("user_id", "=", userId).execute();
    }
    const r = await this.db
      .deleteFrom("mailbox")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async requestRun(accountId: string, userId: string, nowAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable("mailbox")
      .set({ next_run_at: nowAt, state: sql<string>`case when state = 'syncing' then state else 'waiting' end` })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async due(nowAt: string, limit: number) {
    const rows = await this.db
      .selectFrom("mailbox")
      .select(["account_id", "user_id"])
      .where("next_run_at", "<=", nowAt)
      .where(leaseFree(nowAt))
      .orderBy("next_run_at")
      .orderBy("account_id")
      .orderBy("user_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, userId: r.user_id }));
  }

  async claim(accountId: string, userId: string, owner: string, untilAt: string, nowAt: string) {
    const taken = await this.db
      .updateTable("mailbox")
      // next_run_at marks the claim instant: a "sync now" or IDLE news during the run moves it later (see finishRun).
      .set({ ...takeLease(owner, untilAt), state: "syncing", next_run_at: nowAt })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where(leaseFree(nowAt))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    return this.find(accountId, userId);
  }

  async idleCandidates(nowAt: string, limit: number) {
    const rows = await this.db
      .selectFrom("mailbox")
      .select(["account_id", "user_id"])
      .where("sealed_password", "is not", null)
      .where("state", "<>", "failing")
      .where(idleWatch.free(nowAt))
      .orderBy("account_id")
      .orderBy("user_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, userId: r.user_id }));
  }

  async claimIdle(accountId: string, userId: string, owner: string, untilAt: string, nowAt: string) {
    const taken = await this.db
      .updateTable("mailbox")
      .set({ idle_owner: owner, idle_until_at: untilAt })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where(idleWatch.freeOrHeldBy(owner, nowAt))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1 ? this.find(accountId, userId) : null;
  }

  async renewIdle(accountId: string, userId: string, owner: string, untilAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable("mailbox")
      .set({ idle_until_at: untilAt })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where(idleWatch.heldBy(owner))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async releaseIdle(accountId: string, userId: string, owner: string): Promise<void> {
    await this.db
      .updateTable("mailbox")
      .set({ idle_owner: null, idle_until_at: null })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where(idleWatch.heldBy(owner))
      .execute();
  }

  async holdLease(accountId: string, userId: string, owner: string, untilAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable("mailbox")
      .set(renewLease(untilAt))
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async finishRun(accountId: string, userId: string, owner: string, o: RunOutcome): Promise<boolean> {
    const r = await this.db
      .updateTable("mailbox")
      .set({
        state: o.state,
        error: o.error,
        last_run_at: o.lastRunAt,
        last_success_at: o.lastSuccessAt,
        // A "sync now" (or new mail seen by IDLE) asked during the run moved next_run_at past the claim instant: the
        // mailbox stays due then, so the next pass reads it again at once instead of at the next poll.
        next_run_at: sql<string>`case when next_run_at > ${o.claimedAt} then next_run_at else ${o.nextRunAt} end`,
        failures: o.failures,
        attempts: 0,
        ...noLease,
      })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async addCounts(accountId: string, userId: string, messages: number, logged: number): Promise<void> {
    if (messages === 0 && logged === 0) return;
    await this.db
      .updateTable("mailbox")
      .set({
        messages_count: sql<number>`messages_count + ${messages}`,
        logged_count: sql<number>`logged_count + ${logged}`,
      })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
  }

  async folderMark(accountId: string, userId: string, path: string) {
    const r = await this.db
      .selectFrom("mailbox_folder")
      .select(["uid_validity", "last_uid"])
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("path", "=", path)
      .executeTakeFirst();
    return r ? { uidValidity: r.uid_validity, lastUid: Number(r.last_uid) } : null;
  }

  async setFolderMark(
    accountId: string,
    userId: string,
    path: string,
    mark: { uidValidity: string; lastUid: number },
    nowAt: string,
  ): Promise<void> {
    const values = { uid_validity: mark.uidValidity, last_uid: mark.lastUid, updated_at: nowAt };
    await this.db
      .insertInto("mailbox_folder")
      .values({ ...values, account_id: accountId, user_id: userId, path })
      .onConflict((oc) => oc.columns(["account_id", "user_id", "path"]).doUpdateSet(values))
      .execute();
  }

  async recordMessage(
    accountId: string,
    row: { messageId: string; userId: string; occurredAt: string; body: string | null; createdAt: string },
  ): Promise<boolean> {
    const r = await this.db
      .insertInto("mailbox_message")
      .values({
        account_id: accountId,
        message_id: row.messageId,
        user_id: row.userId,
        interaction_id: null,
        occurred_at: row.occurredAt,
        body: row.body,
        created_at: row.createdAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "message_id"]).doNothing())
      .executeTakeFirst();
    // Whoever read it first, this member's mailbox holds it too (a disconnect of theirs must not remove it alone).
    await this.db
      .insertInto("mailbox_message_reader")
      .values({ account_id: accountId, message_id: row.messageId, user_id: row.userId })
      .onConflict((oc) => oc.columns(["account_id", "message_id", "user_id"]).doNothing())
      .execute();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async linkMessage(accountId: string, messageId: string, interactionId: string): Promise<void> {
    await this.db
      .updateTable("mailbox_message")
      .set({ interaction_id: interactionId })
      .where("account_id", "=", accountId)
      .where("message_id", "=", messageId)
      .execute();
  }

  async messageInteraction(accountId: string, messageId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom("mailbox_message")
      .select("interaction_id")
      .where("account_id", "=", accountId)
      .where("message_id", "=", messageId)
      .executeTakeFirst();
    return r?.interaction_id ?? null;
  }

  async contactEmails(accountId: string) {
    const rows = await this.db
      .selectFrom("contact")
      .select(["id", "emails"])
      .where("account_id", "=", accountId)
      .where("emails", "<>", "[]")
      .execute();
    return rows.map((r) => ({ id: r.id, emails: fromJson<{ address: string }[]>(r.emails, []).map((e) => e.address) }));
  }

  async addCorrespondentMessage(accountId: string, userId: string, m: CorrespondentMessage): Promise<void> {
    await this.db
      .insertInto("mailbox_correspondent_message")
      .values({
        account_id: accountId,
        user_id: userId,
        address: m.address,
        message_id: m.messageId,
        name: m.name,
        direction: m.direction,
        subject: m.subject,
        occurred_at: m.occurredAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "user_id", "address", "message_id"]).doNothing())
      .execute();
  }

  /**
   * A member's unknown people, from both sources: their mailbox's correspondents (a row per message) and their
   * calendars' attendees (a row per meeting), one line per address, counted apart and together.
   */
  async correspondents(accountId: string, userId: string, minCount: number, limit: number) {
    const messages = this.db
      .selectFrom("mailbox_correspondent_message")
      .select([
        "address",
        "name",
        "occurred_at",
        sql<number>`1`.as("messages"),
        sql<number>`0`.as("meetings"),
        sql<string | null>`null`.as("given_address"),
      ])
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId);
    const meetings = this.db
      .selectFrom("calendar_attendee")
      .select([
        "address",
        "name",
        "occurred_at",
        sql<number>`0`.as("messages"),
        sql<number>`1`.as("meetings"),
        "given_address",
      ])
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId);
    const total = sql<number | string>`sum(c.messages) + sum(c.meetings)`;
    const rows = await this.db
      .selectFrom(messages.unionAll(meetings).as("c"))
      .select((eb) => [
        "c.address",
        eb.fn.sum<number | string>("c.messages").as("messages"),
        eb.fn.sum<number | string>("c.meetings").as("meetings"),
        eb.fn.max("c.occurred_at").as("last_at"),
        eb.fn.max("c.name").as("name"),
        eb.fn.max("c.given_address").as("given_address"),
      ])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("mailbox_dismissal as d")
              .select("d.address")
              .where("d.account_id", "=", accountId)
              .where("d.user_id", "=", userId)
              .whereRef("d.address", "=", "c.address"),
          ),
        ),
      )
      .groupBy("c.address")
      .having(total, ">=", minCount)
      .orderBy(total, "desc")
      .orderBy("c.address")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      address: r.address,
      givenAddress: r.given_address ?? null,
      name: r.name ?? null,
      count: Number(r.messages) + Number(r.meetings),
      messages: Number(r.messages),
      meetings: Number(r.meetings),
      lastAt: String(r.last_at),
    }));
  }

  async correspondentMessages(accountId: string, userId: string, address: string): Promise<CorrespondentMessage[]> {
    const rows = await this.db
      .selectFrom("mailbox_correspondent_message")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("address", "=", address)
      .orderBy("occurred_at")
      .orderBy("message_id")
      .execute();
    return rows.map((r) => ({
      address: r.address,
      messageId: r.message_id,
      name: r.name,
      direction: r.direction as CorrespondentMessage["direction"],
      subject: r.subject,
      occurredAt: r.occurred_at,
    }));
  }

  async forgetCorrespondent(accountId: string, userId: string, address: string): Promise<void> {
    await this.db
      .deleteFrom("mailbox_correspondent_message")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("address", "=", address)
      .execute();
  }

  async dismiss(accountId: string, userId: string, address: string, nowAt: string): Promise<void> {
    await this.db
      .insertInto("mailbox_dismissal")
      .values({ account_id: accountId, user_id: userId, address, created_at: nowAt })
      .onConflict((oc) => oc.columns(["account_id", "user_id", "address"]).doNothing())
      .execute();
  }

  async capturedOnlyBy(accountId: string, userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("mailbox_message_reader as r")
      .innerJoin("mailbox_message as m", (j) =>
        j.onRef("m.account_id", "=", "r.account_id").onRef("m.message_id", "=", "r.message_id"),
      )
      .select("m.interaction_id")
      .where("r.account_id", "=", accountId)
      .where("r.user_id", "=", userId)
      .where("m.interaction_id", "is not", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("mailbox_message_reader as o")
              .select("o.user_id")
              .whereRef("o.account_id", "=", "r.account_id")
              .whereRef("o.message_id", "=", "r.message_id")
              .where("o.user_id", "<>", userId),
          ),
        ),
      )
      .orderBy("m.interaction_id")
      .execute();
    return rows.map((r) => r.interaction_id!);
  }

  async forgetMessages(accountId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom("mailbox_message_reader")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
    const readers = (eb: ExpressionBuilder<Database, "mailbox_message">) =>
      eb
        .selectFrom("mailbox_message_reader as o")
        .whereRef("o.account_id", "=", "mailbox_message.account_id")
        .whereRef("o.message_id", "=", "mailbox_message.message_id");
    const readerOf = (eb: ExpressionBuilder<Database, "mailbox_message">) =>
      readers(eb).select((inner) => inner.fn.min("o.user_id").as("user_id"));
    // A message another member's mailbox holds too stays in the ledger as theirs (without this member's text).
    await this.db
      .updateTable("mailbox_message")
      .set((eb) => ({ user_id: sql<string>`(${readerOf(eb)})`, body: null }))
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where((eb) => eb.exists(readers(eb).select("o.user_id")))
      .execute();
    await this.db
      .deleteFrom("mailbox_message")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
  }

  async ledgerMessages(accountId: string): Promise<LedgerMessage[]> {
    const rows = await this.db
      .selectFrom("mailbox_message")
      .select(["message_id", "interaction_id", "occurred_at", "created_at"])
      .where("account_id", "=", accountId)
      .execute();
    const readers = await this.db
      .selectFrom("mailbox_message_reader as r")
      .leftJoin("user as u", "u.id", "r.user_id")
      .select(["r.message_id", "r.user_id", "u.email"])
      .where("r.account_id", "=", accountId)
      .execute();
    const byMessage = new Map<string, { userId: string; email: string | null }[]>();
    for (const r of readers) {
      const list = byMessage.get(r.message_id) ?? [];
      list.push({ userId: r.user_id, email: r.email ?? null });
      byMessage.set(r.message_id, list);
    }
    return rows.map((r) => ({
      messageId: r.message_id,
      interactionId: r.interaction_id,
      occurredAt: r.occurred_at,
      createdAt: r.created_at,
      readers: byMessage.get(r.message_id) ?? [],
    }));
  }

  async restoreMessage(
    accountId: string,
    row: Omit<LedgerMessage, "readers"> & { userId: string; readerIds: string[] },
  ): Promise<void> {
    await this.db
      .insertInto("mailbox_message")
      .values({
        account_id: accountId,
        message_id: row.messageId,
        user_id: row.userId,
        interaction_id: row.interactionId,
        occurred_at: row.occurredAt,
        body: null,
        created_at: row.createdAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "message_id"]).doNothing())
      .execute();
    if (row.readerIds.length === 0) return;
    await this.db
      .insertInto("mailbox_message_reader")
      .values(row.readerIds.map((userId) => ({ account_id: accountId, message_id: row.messageId, user_id: userId })))
      .onConflict((oc) => oc.columns(["account_id", "message_id", "user_id"]).doNothing())
      .execute();
  }

  async deleteMessage(accountId: string, messageId: string): Promise<void> {
    await this.db
      .deleteFrom("mailbox_message_reader")
      .where("account_id", "=", accountId)
      .where("message_id", "=", messageId)
      .execute();
    await this.db
      .deleteFrom("mailbox_message")
      .where("account_id", "=", accountId)
      .where("message_id", "=", messageId)
      .execute();
  }
}
