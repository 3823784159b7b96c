import type { Kysely } from "kysely";

/**
 * Invitations to join an account (issue #18 item 11): an owner invites an address with a role; the invitee opens a
 * single-use link, signs in or up, and accepts. Only the token's SHA-256 is stored (`token_hash`, unique: the
 * token alone finds its invitation). A row is pending while `accepted_at` and `revoked_at` are null and
 * `expires_at` has not passed; the index serves the owner's list of pending invitations.
 */
export const invitationsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("invitation")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("invited_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("accepted_at", "text")
      .addColumn("accepted_by", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema
      .createIndex("invitation_account_created")
      .on("invitation")
      .columns(["account_id", "created_at"])
      .execute();
  },
};
