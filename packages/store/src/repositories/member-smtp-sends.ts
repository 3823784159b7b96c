import type { MessageSendRecord, MessageSendRepository, MessageSendStatus } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, MessageSendTable } from "../schema.ts";

const toRecord = (r: Selectable<MessageSendTable>): MessageSendRecord => ({
  accountId: r.account_id,
  key: r.key,
  userId: r.user_id,
  contactId: r.contact_id,
  requestHash: r.request_hash,
  status: r.status as MessageSendStatus,
  toAddress: r.to_address,
  messageId: r.message_id,
  interactionId: r.interaction_id,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * The ledger of messages sent through a member's SMTP: a row per (account, key) inserted before the mail goes
 * (`INSERT … ON CONFLICT DO NOTHING`: of two requests with one key, one makes it), moved on by conditional updates.
 */
export class KyselyMessageSendRepository implements MessageSendRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async begin(accountId: string, s: MessageSendRecord): Promise<{ created: boolean; row: MessageSendRecord }> {
    const inserted = await this.db
      .insertInto("message_send")
      .values({
        account_id: accountId,
        key: s.key,
        user_id: s.userId,
        contact_id: s.contactId,
        request_hash: s.requestHash,
        status: s.status,
        to_address: s.toAddress,
        message_id: s.messageId,
        interaction_id: s.interactionId,
        error: s.error,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "key"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { created: true, row: { ...s, accountId } };
    const row = await this.db
      .selectFrom("message_send")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("key", "=", s.key)
      .executeTakeFirstOrThrow();
    return { created: false, row: toRecord(row) };
  }

  async retake(accountId: string, key: string, nowAt: string): Promise<boolean> {
    return this.move(accountId, key, "failed", { status: "sending", error: null, updated_at: nowAt });
  }

  async complete(accountId: string, key: string, interactionId: string, nowAt: string): Promise<boolean> {
    return this.move(accountId, key, "sending", { status: "sent", interaction_id: interactionId, updated_at: nowAt });
  }

  async fail(accountId: string, key: string, error: string, nowAt: string): Promise<void> {
    await this.move(accountId, key, "sending", { status: "failed", error, updated_at: nowAt });
  }

  private async move(
    accountId: string,
    key: string,
    from: MessageSendStatus,
    set: { status: MessageSendStatus; error?: string | null; interaction_id?: string; updated_at: string },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("message_send")
      .set(set)
      .where("account_id", "=", accountId)
      .where("key", "=", key)
      .where("status", "=", from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
