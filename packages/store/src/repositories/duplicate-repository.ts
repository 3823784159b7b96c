import type { ContactIdentity, ContactMergeRecord, DuplicateRepository } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { fromJson } from "./json.ts";

/**
 * Contacts' identities for duplicate detection, the merges (each kept whole in `contact_merge` for undo), and the
 * pairs dismissed as not the same person (`duplicate_dismissal`).
 */
export class KyselyDuplicateRepository implements DuplicateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async identities(accountId: string): Promise<ContactIdentity[]> {
    const rows = await this.db
      .selectFrom("contact as c")
      .leftJoin("company as co", (j) =>
        j.onRef("co.id", "=", "c.company_id").onRef("co.account_id", "=", "c.account_id"),
      )
      .select(["c.id", "c.display_name", "co.name as company_name", "c.emails", "c.phones", "c.links"])
      .where("c.account_id", "=", accountId)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      companyName: r.company_name ?? "",
      emails: fromJson(r.emails, []),
      phones: fromJson(r.phones, []),
      links: fromJson(r.links, []),
    }));
  }

  async insertMerge(accountId: string, merge: ContactMergeRecord): Promise<void> {
    await this.db
      .insertInto("contact_merge")
      .values({
        id: merge.id,
        account_id: accountId,
        kept_id: merge.keptId,
        merged_id: merge.mergedId,
        record: JSON.stringify(merge),
        merged_at: merge.mergedAt,
        undone_at: merge.undoneAt,
      })
      .execute();
  }

  async findMerge(accountId: string, id: string): Promise<ContactMergeRecord | null> {
    const row = await this.db
      .selectFrom("contact_merge")
      .select(["record", "undone_at"])
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? { ...(JSON.parse(row.record) as ContactMergeRecord), undoneAt: row.undone_at } : null;
  }

  async markMergeUndone(accountId: string, id: string, undoneAt: string): Promise<void> {
    await this.db
      .updateTable("contact_merge")
      .set({ undone_at: undoneAt })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
  }

  async dismissedPairs(accountId: string): Promise<[string, string][]> {
    const rows = await this.db
      .selectFrom("duplicate_dismissal")
      .select(["contact_a", "contact_b"])
      .where("account_id", "=", accountId)
      .orderBy("contact_a")
      .orderBy("contact_b")
      .execute();
    return rows.map((r) => [r.contact_a, r.contact_b]);
  }

  async insertDismissal(accountId: string, a: string, b: string, at: string): Promise<void> {
    await this.db
      .insertInto("duplicate_dismissal")
      .values({ account_id: accountId, contact_a: a, contact_b: b, created_at: at })
      .onConflict((oc) => oc.columns(["account_id", "contact_a", "contact_b"]).doNothing())
      .execute();
  }

  async removeDismissal(accountId: string, a: string, b: string): Promise<void> {
    await this.db
      .deleteFrom("duplicate_dismissal")
      .where("account_id", "=", accountId)
      .where("contact_a", "=", a)
      .where("contact_b", "=", b)
      .execute();
  }
}
