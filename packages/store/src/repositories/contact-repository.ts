import type { Contact, ContactListQuery, ContactRepository, ContactSummary, Page, PageQuery } from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { ContactTable, Database, Dialect } from "../schema.ts";
import { queryWords } from "../search-text.ts";
import {
  type ContactRow,
  contactFromRow,
  normalizeTag,
  type SummaryRow,
  summaryFromRow,
  toRow,
} from "./contact-rows.ts";
import {
  countMatches,
  indexContact,
  matchSource,
  searchCondition,
  sqliteMatch,
  unindexContact,
  wordsCondition,
} from "./contact-search-index.ts";
import { inLockOrder } from "./row-locks.ts";

type Row = ContactRow;
/** What a sort's key is read from: a summary's row has these columns too. */
type SortRow = Pick<Row, "sort_name" | "last_touch_at" | "next_due_on">;

/** The columns a contact summary is read from (`summaryFromRow`), and no other: a list never reads a whole row. */
const SUMMARY_COLUMNS = [
  "c.id",
  "c.first_name",
  "c.last_name",
  "c.display_name",
  "c.sort_name",
  "c.company_id",
  "c.title",
  "c.tags",
  "c.emails",
  "c.photo_updated_at",
  "c.circle",
  "c.last_touch_at",
  "c.touch_count",
  "c.exchange_count",
  "c.next_due_on",
  "c.archived_at",
] as const;

/** The summary's company name: its company in the same account, by primary key (one lookup per row listed). */
const companyNameOf = (eb: ExpressionBuilder<Database & { c: ContactTable }, "c">) =>
  eb
    .selectFrom("company as co")
    .select("co.name")
    .whereRef("co.account_id", "=", "c.account_id")
    .whereRef("co.id", "=", "c.company_id")
    .as("company_name");

/**
 * The orders a listing can take. Nullable columns sort through a fixed stand-in, so keyset pagination has a value
 * to compare; the same expressions are indexed (migration 0007).
 */
const SORTS = {
  name: { key: sql<string>`c.sort_name`, descending: false, keyOf: (r: SortRow) => r.sort_name },
  "last-touch": {
    key: sql<string>`coalesce(c.last_touch_at, '')`,
    descending: true,
    keyOf: (r: SortRow) => r.last_touch_at ?? "",
  },
  "next-due": {
    key: sql<string>`coalesce(c.next_due_on, '9999-12-31')`,
    descending: false,
    keyOf: (r: SortRow) => r.next_due_on ?? "9999-12-31",
  },
} as const;
type Sort = (typeof SORTS)[keyof typeof SORTS];

/** A SQLite search walks the account in sort order when more than this many contacts match… */
const WALK_FROM = 500;
/** …and gives up after this many rows (a match rarer than one in twenty), sorting the matches instead. */
const WALK_ROWS = 1000;

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

  async findMany(accountId: string, ids: readonly string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    // By primary key, the account still checked (see `rowsOf` for the unary `+`).
    const account = this.dialect === "sqlite" ? sql<string>`+account_id` : sql<string>`account_id`;
    const rows = await this.db
      .selectFrom("contact")
      .selectAll()
      .where(account, "=", accountId)
      .where("id", "in", [...ids])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [contactFromRow(row)] : [];
    });
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
  ): Promise<Page<ContactSummary> & { total: number | null }> {
    const words = queryWords(query.q ?? "");
    if (words.length > 0 && this.dialect === "sqlite") return this.searchSqlite(accountId, query, words, page);
    let q = this.filtered(this.db.selectFrom("contact as c"), accountId, query, true);
    const matches = searchCondition(this.dialect, accountId, words);
    if (matches) q = q.where(matches);
    const sort = SORTS[query.sort];
    const ordered = this.ordered(q, sort, page);
    // The count and the page need nothing of each other: read at once, the request waits for the longer (on
    // PostgreSQL each on its own connection; SQLite's one connection takes them in turn).
    const [total, rows] = await Promise.all([
      // Counted before the cursor narrows it: the list's length, exact (the web showed "50+").
      page.cursor
        ? null
        : q
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
            .then((r) => Number(r.n)),
      words.length === 0
        ? ordered.select(SUMMARY_COLUMNS).select(companyNameOf).execute()
        : ordered
            .select("c.id")
            .execute()
            .then((ids) =>
              this.rowsOf(
                accountId,
                ids.map((r) => r.id),
              ),
            ),
    ]);
    return this.pageOf(rows, sort, page, total);
  }

  /**
   * A SQLite search. The count comes from the index alone when only the archived filter applies (the account and
   * state are in the terms). The page: when many contacts match (a one-letter search matches half the account),
   * walking the account in the sort's index and testing each row's search text finds the page after a few dozen
   * rows, whatever the account's size; when few match, or the walk gives up after `WALK_ROWS` rows, the matches are
   * sorted instead (few rows: cheap). Both paths test the same thing (every word starts a word of the search text).
   */
  private async searchSqlite(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number; onlyTags?: readonly string[] },
    words: string[],
    page: PageQuery,
  ): Promise<Page<ContactSummary> & { total: number | null }> {
    const match = await sqliteMatch(this.db, accountId, query.archived, words);
    const sort = SORTS[query.sort];
    if (match === null) return { items: [], nextCursor: null, total: page.cursor ? null : 0 };
    const onlyArchived =
      !query.companyId && !query.circle && !query.progress && !query.tag && query.onlyTags === undefined;
    const matching = () => this.filtered(matchSource(this.db, match), accountId, query, false);
    let total: number | null = null;
    if (!page.cursor) {
      total = onlyArchived
        ? await countMatches(this.db, match)
        : Number(
            (
              await matching()
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
    }
    if (total === 0) return { items: [], nextCursor: null, total };
    let ids: string[] | null = null;
    if (total === null || total > WALK_FROM) ids = await this.walk(accountId, query, words, sort, page, total);
    ids ??= (await this.ordered(matching(), sort, page).select("c.id").execute()).map((r) => r.id);
    return this.pageOf(await this.rowsOf(accountId, ids), sort, page, total);
  }

  /** The page's ids by walking the account in sort order, or null when `WALK_ROWS` rows did not settle it. */
  private async walk(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number; onlyTags?: readonly string[] },
    words: string[],
    sort: Sort,
    page: PageQuery,
    total: number | null,
  ): Promise<string[] | null> {
    const walked = this.ordered(this.filtered(this.db.selectFrom("contact as c"), accountId, query, true), sort, {
      ...page,
      limit: WALK_ROWS - 1,
    }).select(["c.id", "c.search_text", sort.key.as("k")]);
    const direction = sort.descending ? "desc" : "asc";
    const hits = await this.db
      .selectFrom(walked.as("w"))
      .select("w.id")
      .where(wordsCondition("w.search_text", words))
      .orderBy("w.k", direction)
      .orderBy("w.id", direction)
      .limit(page.limit + 1)
      .execute();
    // Settled: a full page and one more, or every match (the count is known on a first page).
    if (hits.length === page.limit + 1 || (total !== null && hits.length === total)) return hits.map((h) => h.id);
    return null;
  }

  /** The list's filters other than the search words; `archived` is left to the index's match when it has it. */
  private filtered(
    source: SelectQueryBuilder<Database & { c: ContactTable }, "c", object>,
    accountId: string,
    query: ContactListQuery & { connectionTarget: number; onlyTags?: readonly string[] },
    archived: boolean,
  ) {
    let q = source.where("c.account_id", "=", accountId);
    if (archived && query.archived === "exclude") q = q.where("c.archived_at", "is", null);
    if (archived && query.archived === "only") q = q.where("c.archived_at", "is not", null);
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
    return q;
  }

  /** After the cursor, in the sort's order, one more than the page (to know whether a next page exists). */
  private ordered(q: SelectQueryBuilder<Database & { c: ContactTable }, "c", object>, sort: Sort, page: PageQuery) {
    const after = decodeCursor(page.cursor);
    if (after) {
      const beyond = sort.descending ? "<" : ">";
      q = q.where((eb) =>
        eb.or([eb(sort.key, beyond, after.key), eb.and([eb(sort.key, "=", after.key), eb("c.id", beyond, after.id)])]),
      );
    }
    const direction = sort.descending ? "desc" : "asc";
    return q
      .orderBy(sort.key, direction)
      .orderBy("c.id", direction)
      .limit(page.limit + 1);
  }

  private pageOf(rows: SummaryRow[], sort: Sort, page: PageQuery, total: number | null) {
    const result = toPage(rows, page.limit, (r) => ({ key: sort.keyOf(r), id: r.id }));
    return { items: result.items.map(summaryFromRow), nextCursor: result.nextCursor, total };
  }

  /**
   * A search can match thousands of contacts: sorting only their ids and fetching the page's summaries afterwards
   * keeps the rows out of the sort, which halves the query.
   */
  private async rowsOf(accountId: string, ids: string[]): Promise<SummaryRow[]> {
    if (ids.length === 0) return [];
    // The primary key finds the page's rows; SQLite's planner would rather walk the account's index (unary `+`
    // keeps it off that index while the account is still checked).
    const account = this.dialect === "sqlite" ? sql<string>`+c.account_id` : sql<string>`c.account_id`;
    const rows = await this.db
      .selectFrom("contact as c")
      .select(SUMMARY_COLUMNS)
      .select(companyNameOf)
      .where(account, "=", accountId)
      .where("c.id", "in", ids)
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
