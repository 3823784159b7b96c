import type { Contact, ContactListQuery, ContactRepository, Page, PageQuery } from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import type { ContactTable, Database, Dialect } from "../schema.ts";
import { queryWords } from "../search-text.ts";
import { type ContactRow, contactFromRow, normalizeTag, toRow } from "./contact-rows.ts";
import { indexContact, searchCondition, searchSource, unindexContact } from "./contact-search-index.ts";
import { inLockOrder } from "./row-locks.ts";

type Row = ContactRow;

/**
 * The orders a listing can take. Nullable columns sort through a fixed stand-in, so keyset pagination has a value
 * to compare; the same expressions are indexed (migration 0007).
 */
const SORTS = {
  name: { key: sql<string>`c.sort_name`, descending: false, keyOf: (r: Row) => r.sort_name },
  "last-touch": {
    key: sql<string>`coalesce(c.last_touch_at, '')`,
    descending: true,
    keyOf: (r: Row) => r.last_touch_at ?? "",
  },
  "next-due": {
    key: sql<string>`coalesce(c.next_due_on, '9999-12-31')`,
    descending: false,
    keyOf: (r: Row) => r.next_due_on ?? "9999-12-31",
  },
} as const;

export class KyselyContactRepository implements ContactRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  private async companyName(accountId: string, companyId: string | null): Promise<string | null> {
    if (!companyId) return null;
    const row = await this.db
      .selectFrom("company")
      .select("name")
      .where("account_id", "=", accountId)
      .where("id", "=", companyId)
      .executeTakeFirst();
    return row?.name ?? null;
  }

  async insert(accountId: string, contact: Contact): Promise<void> {
    const row = toRow(accountId, contact, await this.companyName(accountId, contact.companyId));
    await this.db.insertInto("contact").values(row).execute();
    await this.writeTags(accountId, contact);
    await indexContact(this.db, this.dialect, row);
  }

  async update(accountId: string, contact: Contact): Promise<void> {
    const row = toRow(accountId, contact, await this.companyName(accountId, contact.companyId));
    const {
      id,
      account_id,
      last_touch_at: _lastTouch,
      touch_count: _touches,
      exchange_count: _exchanges,
      last_reply_at: _reply,
      unanswered_attempt_ats: _attempts,
      unanswered_outbound_ats: _outbound,
      next_due_on: _due,
      recompute_on: _recompute,
      due_item: _item,
      due_priority: _priority,
      photo_updated_at: _photo, // the photo repository's, written with the photo
      ...changes
    } = row;
    await this.db
      .updateTable("contact")
      .set(changes)
      .where("account_id", "=", account_id)
      .where("id", "=", id)
      .execute();
    await this.writeTags(accountId, contact);
    await indexContact(this.db, this.dialect, row);
  }

  /** Tags are also kept one row each, so "everyone tagged x" is an index lookup. */
  private async writeTags(accountId: string, contact: Contact): Promise<void> {
    await this.db
      .deleteFrom("contact_tag")
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contact.id)
      .execute();
    const tags = [...new Set(contact.tags.map(normalizeTag))];
    if (tags.length === 0) return;
    await this.db
      .insertInto("contact_tag")
      .values(tags.map((tag) => ({ account_id: accountId, contact_id: contact.id, tag })))
      .execute();
  }

  /** Re-derives the search text of every contact at a company (after the company is renamed). */
  async reindexCompany(accountId: string, companyId: string, companyName: string): Promise<void> {
    // Read under lock: a contact edited meanwhile would otherwise get its search text from its old fields.
    const query = this.db
      .selectFrom("contact")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("company_id", "=", companyId);
    const rows = await inLockOrder(query, this.dialect).execute();
    for (const r of rows) {
      const row = toRow(accountId, contactFromRow(r), companyName);
      await this.db.updateTable("contact").set({ search_text: row.search_text }).where("id", "=", r.id).execute();
      await indexContact(this.db, this.dialect, row);
    }
  }

  async findById(accountId: string, id: string): Promise<Contact | null> {
    const row = await this.db
      .selectFrom("contact")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? contactFromRow(row) : null;
  }

  async lockExisting(accountId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.db
      .selectFrom("contact")
      .select("id")
      .where("account_id", "=", accountId)
      .where("id", "in", [...ids]);
    const rows = await inLockOrder(query, this.dialect).execute();
    return new Set(rows.map((r) => r.id));
  }

  async list(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number; onlyTags?: readonly string[] },
    page: PageQuery,
  ): Promise<Page<Contact> & { total: number | null }> {
    const words = queryWords(query.q ?? "");
    let q = searchSource(this.db, this.dialect, words).where("c.account_id", "=", accountId);
    if (query.archived === "exclude") q = q.where("c.archived_at", "is", null);
    if (query.archived === "only") q = q.where("c.archived_at", "is not", null);
    if (query.companyId) q = q.where("c.company_id", "=", query.companyId);
    if (query.circle) q = q.where("c.circle", "=", query.circle);
    if (query.progress === "new") q = q.where("c.exchange_count", "=", 0);
    if (query.progress === "building") {
      q = q.where("c.exchange_count", ">", 0).where("c.exchange_count", "<", query.connectionTarget);
    }
    if (query.progress === "connected") q = q.where("c.exchange_count", ">=", query.connectionTarget);
    if (query.tag) {
      const tag = normalizeTag(query.tag);
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("contact_tag as t")
            .select("t.contact_id")
            .where("t.account_id", "=", accountId)
            .where("t.tag", "=", tag)
            .whereRef("t.contact_id", "=", "c.id"),
        ),
      );
    }
    if (query.onlyTags) {
      // A coach's scope: contacts carrying any of the shared tags (none shared: none listed).
      const shared = query.onlyTags.map(normalizeTag);
      q =
        shared.length === 0
          ? q.where(sql<boolean>`1 = 0`)
          : q.where((eb) =>
              eb.exists(
                eb
                  .selectFrom("contact_tag as st")
                  .select("st.contact_id")
                  .where("st.account_id", "=", accountId)
                  .where("st.tag", "in", shared)
                  .whereRef("st.contact_id", "=", "c.id"),
              ),
            );
    }
    const matches = searchCondition(this.dialect, words);
    if (matches) q = q.where(matches);
    // Counted before the cursor narrows it: the list's length, exact (the web showed "50+").
    const total = page.cursor
      ? null
      : Number((await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const sort = SORTS[query.sort];
    const after = decodeCursor(page.cursor);
    if (after) {
      const beyond = sort.descending ? "<" : ">";
      q = q.where((eb) =>
        eb.or([eb(sort.key, beyond, after.key), eb.and([eb(sort.key, "=", after.key), eb("c.id", beyond, after.id)])]),
      );
    }
    const direction = sort.descending ? "desc" : "asc";
    const ordered = q
      .orderBy(sort.key, direction)
      .orderBy("c.id", direction)
      .limit(page.limit + 1);
    const rows =
      words.length === 0 ? await ordered.selectAll("c").execute() : await this.pageOfMatches(accountId, ordered);
    const result = toPage(rows, page.limit, (r) => ({ key: sort.keyOf(r), id: r.id }));
    return { items: result.items.map(contactFromRow), nextCursor: result.nextCursor, total };
  }

  /**
   * A search can match thousands of contacts: sorting only their ids and fetching the page's rows afterwards keeps
   * the wide rows (due item, history summary) out of the sort, which halves the query.
   */
  private async pageOfMatches(
    accountId: string,
    ordered: SelectQueryBuilder<Database & { c: ContactTable }, "c", object>,
  ): Promise<Selectable<ContactTable>[]> {
    const ids = (await ordered.select("c.id").execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    // The primary key finds the page's rows; SQLite's planner would rather walk the account's index (unary `+`
    // keeps it off that index while the account is still checked).
    const account = this.dialect === "sqlite" ? sql<string>`+account_id` : sql<string>`account_id`;
    const rows = await this.db
      .selectFrom("contact")
      .selectAll()
      .where(account, "=", accountId)
      .where("id", "in", ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async hardDelete(accountId: string, id: string): Promise<boolean> {
    await unindexContact(this.db, this.dialect, accountId, id);
    // Interactions that involved only this contact go too: nothing else would ever show them.
    const orphaned = this.db
      .selectFrom("interaction_contact as ic")
      .select("ic.interaction_id")
      .where("ic.account_id", "=", accountId)
      .where("ic.contact_id", "=", id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("interaction_contact as other")
              .select("other.contact_id")
              .whereRef("other.interaction_id", "=", "ic.interaction_id")
              .where("other.contact_id", "<>", id),
          ),
        ),
      );
    await this.db.deleteFrom("interaction").where("account_id", "=", accountId).where("id", "in", orphaned).execute();
    const result = await this.db
      .deleteFrom("contact")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
