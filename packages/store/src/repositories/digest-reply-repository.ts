import type { DeliveryKey, DigestItemRef, DigestReplyRepository, OutgoingMail } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { fromJson } from "./json.ts";

/** Digest item lists and reply answers; every query names its account first. */
export class KyselyDigestReplyRepository implements DigestReplyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveItems(key: DeliveryKey, items: readonly DigestItemRef[], nowAt: string): Promise<void> {
    const json = JSON.stringify(items);
    await this.db
      .insertInto("digest_record")
      .values({ account_id: key.accountId, kind: key.kind, period: key.period, items: json, created_at: nowAt })
      .onConflict((oc) => oc.columns(["account_id", "kind", "period"]).doUpdateSet({ items: json, created_at: nowAt }))
      .execute();
  }

  async findItems(key: DeliveryKey): Promise<DigestItemRef[] | null> {
    const r = await this.db
      .selectFrom("digest_record")
      .select("items")
      .where("account_id", "=", key.accountId)
      .where("kind", "=", key.kind)
      .where("period", "=", key.period)
      .executeTakeFirst();
    return r ? fromJson<DigestItemRef[]>(r.items, []) : null;
  }

  async saveAnswer(accountId: string, replyKey: string, answer: OutgoingMail, nowAt: string): Promise<void> {
    await this.db
      .insertInto("reply_answer")
      .values({ account_id: accountId, reply_key: replyKey, mail: JSON.stringify(answer), created_at: nowAt })
      .onConflict((oc) => oc.columns(["account_id", "reply_key"]).doNothing())
      .execute();
  }

  async findAnswer(accountId: string, replyKey: string): Promise<OutgoingMail | null> {
    const r = await this.db
      .selectFrom("reply_answer")
      .select("mail")
      .where("account_id", "=", accountId)
      .where("reply_key", "=", replyKey)
      .executeTakeFirst();
    return r ? (JSON.parse(r.mail) as OutgoingMail) : null;
  }
}
