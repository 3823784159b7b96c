import type { AccessScope, InvitationRecord, InvitationRepository, Role } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, InvitationTable } from "../schema.ts";
import { fromJson } from "./json.ts";

const recordOf = (r: Selectable<InvitationTable>): InvitationRecord => ({
  id: r.id,
  accountId: r.account_id,
  email: r.email,
  role: r.role as Role,
  tokenHash: r.token_hash,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
  scope: r.scope ? fromJson<AccessScope | null>(r.scope, null) : null,
});

export class KyselyInvitationRepository implements InvitationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(i: InvitationRecord): Promise<void> {
    await this.db
      .insertInto("invitation")
      .values({
        id: i.id,
        account_id: i.accountId,
        email: i.email,
        role: i.role,
        token_hash: i.tokenHash,
        invited_by: i.invitedBy,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
        accepted_at: i.acceptedAt,
        accepted_by: null,
        revoked_at: i.revokedAt,
        scope: i.scope ? JSON.stringify(i.scope) : null,
      })
      .execute();
  }

  async listPending(accountId: string, nowAt: string): Promise<InvitationRecord[]> {
    const rows = await this.db
      .selectFrom("invitation")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", nowAt)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(200)
      .execute();
    return rows.map(recordOf);
  }

  async revoke(accountId: string, id: string, nowAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable("invitation")
      .set({ revoked_at: nowAt })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async findByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
    const r = await this.db.selectFrom("invitation").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
    return r ? recordOf(r) : null;
  }

  async markAccepted(accountId: string, id: string, userId: string, nowAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable("invitation")
      .set({ accepted_at: nowAt, accepted_by: userId })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
