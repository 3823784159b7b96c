import { type Kysely, sql } from "kysely";

/** Contacts listed by last touch or by next due date page through these indexes (the same expressions as the queries). */
export const contactSortsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`CREATE INDEX contact_sort_last_touch ON contact (account_id, (coalesce(last_touch_at, '')), id)`.execute(
      db,
    );
    await sql`CREATE INDEX contact_sort_next_due ON contact (account_id, (coalesce(next_due_on, '9999-12-31')), id)`.execute(
      db,
    );
  },
};
