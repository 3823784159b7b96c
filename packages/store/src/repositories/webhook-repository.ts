import type { WebhookFormat, WebhookRecord, WebhookRepository } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, WebhookTable } from "../schema.ts";

const toRecord = (r: Selectable<WebhookTable>): WebhookRecord => ({
  id: r.id,
  accountId: r.account_id,
  url: r.url,
  format: r.format as WebhookFormat,
  secret: r.secret,
  createdAt: r.created_at,
});

/** Webhooks, every query by account; `forAccounts` is the scheduler's batch read for the accounts it names. */
export class KyselyWebhookRepository implements WebhookRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, w: WebhookRecord): Promise<void> {
    await this.db
      .insertInto("webhook")
      .values({
        id: w.id,
        account_id: accountId,
        url: w.url,
        format: w.format,
        secret: w.secret,
        created_at: w.createdAt,
      })
      .execute();
  }

  async list(accountId: string): Promise<WebhookRecord[]> {
    const rows = await this.db
      .selectFrom("webhook")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  async find(accountId: string, id: string): Promise<WebhookRecord | null> {
    const r = await this.db
      .selectFrom("webhook")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toRecord(r) : null;
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("webhook")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async forAccounts(accountIds: readonly string[]): Promise<WebhookRecord[]> {
    if (accountIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("webhook")
      .selectAll()
      .where("account_id", "in", [...accountIds])
      .orderBy("account_id")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }
}
