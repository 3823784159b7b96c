import type { DraftSlot, MessageTemplateRepository, StoredTemplate, TemplateChannel } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, MessageTemplateTable } from "../schema.ts";
import { fromFlag, fromJson, toFlag, toJson } from "./json.ts";

const toTemplate = (r: Selectable<MessageTemplateTable>): StoredTemplate => ({
  id: r.id,
  name: r.name,
  channel: r.channel as TemplateChannel,
  slots: fromJson<DraftSlot[]>(r.slots, []),
  subject: r.subject,
  body: r.body,
  hidden: fromFlag(r.hidden),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** An account's templates and its copies of the defaults (`message_template`), every statement scoped by account. */
export class KyselyMessageTemplateRepository implements MessageTemplateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(accountId: string, limit: number): Promise<StoredTemplate[]> {
    const rows = await this.db
      .selectFrom("message_template")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("name")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(toTemplate);
  }

  async findById(accountId: string, id: string): Promise<StoredTemplate | null> {
    const row = await this.db
      .selectFrom("message_template")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  async save(accountId: string, t: StoredTemplate): Promise<void> {
    const values = {
      name: t.name,
      channel: t.channel,
      slots: toJson(t.slots),
      subject: t.subject,
      body: t.body,
      hidden: toFlag(t.hidden),
      updated_at: t.updatedAt,
    };
    await this.db
      .insertInto("message_template")
      .values({ account_id: accountId, id: t.id, created_at: t.createdAt, ...values })
      .onConflict((oc) => oc.columns(["account_id", "id"]).doUpdateSet(values))
      .execute();
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("message_template")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async count(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom("message_template")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("account_id", "=", accountId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
