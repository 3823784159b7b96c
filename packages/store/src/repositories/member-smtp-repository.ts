import type { MemberSmtpRecord, MemberSmtpRepository, SmtpSecurity } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, MemberSmtpTable } from "../schema.ts";

const toRecord = (r: Selectable<MemberSmtpTable>): MemberSmtpRecord => ({
  accountId: r.account_id,
  userId: r.user_id,
  host: r.host,
  port: Number(r.port),
  security: r.security as SmtpSecurity,
  user: r.smtp_user,
  sealedPassword: r.sealed_password,
  fromName: r.from_name,
  fromAddress: r.from_address,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One SMTP account per member (account × user); every query names its account. */
export class KyselyMemberSmtpRepository implements MemberSmtpRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(accountId: string, userId: string): Promise<MemberSmtpRecord | null> {
    const r = await this.db
      .selectFrom("member_smtp")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return r ? toRecord(r) : null;
  }

  async save(accountId: string, s: MemberSmtpRecord): Promise<void> {
    const values = {
      host: s.host,
      port: s.port,
      security: s.security,
      smtp_user: s.user,
      sealed_password: s.sealedPassword,
      from_name: s.fromName,
      from_address: s.fromAddress,
      updated_at: s.updatedAt,
    };
    await this.db
      .insertInto("member_smtp")
      .values({ ...values, account_id: accountId, user_id: s.userId, created_at: s.createdAt })
      .onConflict((oc) => oc.columns(["account_id", "user_id"]).doUpdateSet(values))
      .execute();
  }

  async delete(accountId: string, userId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("member_smtp")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
