import type { Kysely } from "kysely";

/**
 * A contact's tag rows by account and contact. Every write of a contact replaces its tag rows (`writeTags`: delete
 * `WHERE account_id = ? AND contact_id = ?`, then insert), and without table statistics SQLite answered the delete
 * from `contact_tag_lookup` (account, tag, contact), whose only usable column is the account: every tag row of the
 * account was read to delete one contact's (0.6–0.75 ms a write at 5,000 contacts, growing with the account). The
 * primary key (contact, tag) would serve, but the planner preferred the account index. This one serves both
 * equalities.
 */
export const contactTagByContactMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex("contact_tag_contact")
      .on("contact_tag")
      .columns(["account_id", "contact_id"])
      .execute();
  },
};
