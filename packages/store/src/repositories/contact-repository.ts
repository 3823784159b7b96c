import type {
  Contact,
  ContactListQuery,
  ContactRepository,
  DerivedState,
  DueBucket,
  DueItem,
  HistorySummary,
  Page,
  PageQuery,
} from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import { type Kysely, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import type { ContactTable, Database, Dialect } from "../schema.ts";
import { ftsMatchExpression, queryWords, searchTextOf, sortNameOf, tsQueryExpression } from "../search-text.ts";
import { fromFlag, fromJson, toFlag, toJson } from "./json.ts";

export const normalizeTag = (tag: string): string => tag.trim().toLowerCase();

type Row = Selectable<ContactTable>;

export function toRow(accountId: string, c: Contact, companyName: string | null): Row {
  return {
    id: c.id,
    account_id: accountId,
    first_name: c.firstName,
    last_name: c.lastName,
    display_name: c.displayName,
    sort_name: sortNameOf(c.displayName),
    emails: toJson(c.emails),
    phones: toJson(c.phones),
    links: toJson(c.links),
    company_id: c.companyId,
    title: c.title,
    tags: toJson(c.tags),
    interests: toJson(c.interests),
    how_we_met: c.howWeMet,
    notes: c.notes,
    birthday_month: c.birthday?.month ?? null,
    birthday_day: c.birthday?.day ?? null,
    birthday_year: c.birthday?.year ?? null,
    circle: c.circle,
    time_zone: c.timeZone,
    last_touch_at: c.lastTouchAt,
    touch_count: c.touchCount,
    archived_at: c.archivedAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    muted: toFlag(c.muted),
    cadence_ideal_days: c.cadenceOverride?.idealDays ?? null,
    cadence_max_days: c.cadenceOverride?.maxDays ?? null,
    snoozed_until_on: c.snoozedUntilOn,
    moved_on_at: c.movedOnAt,
    move_on_note: c.moveOnNote,
    circle_before_move_on: c.circleBeforeMoveOn,
    // Derived columns start empty; setDerivedState owns them and update() never writes them.
    last_reply_at: null,
    unanswered_attempt_ats: "[]",
    next_due_on: c.nextDueOn,
    recompute_on: null,
    due_item: null,
    due_priority: null,
    search_text: searchTextOf([c.displayName, ...c.emails.map((e) => e.address), companyName, c.title, ...c.tags]),
  };
}

/** The columns the engine derives (see setDerivedState); an import writes them with the row. */
export const derivedColumns = (state: DerivedState) => ({
  last_touch_at: state.history.lastTouchAt,
  touch_count: state.history.touches,
  last_reply_at: state.history.lastReplyAt,
  unanswered_attempt_ats: toJson(state.history.unansweredAttemptAts),
  next_due_on: state.due?.nextDueOn ?? null,
  recompute_on: state.recomputeOn,
  due_item: state.due ? JSON.stringify(state.due) : null,
  due_priority: state.priority,
});

export function contactFromRow(r: Row): Contact {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    displayName: r.display_name,
    emails: fromJson(r.emails, []),
    phones: fromJson(r.phones, []),
    links: fromJson(r.links, []),
    companyId: r.company_id,
    title: r.title,
    tags: fromJson(r.tags, []),
    interests: fromJson(r.interests, []),
    howWeMet: r.how_we_met,
    notes: r.notes,
    birthday:
      r.birthday_month != null && r.birthday_day != null
        ? { month: r.birthday_month, day: r.birthday_day, year: r.birthday_year }
        : null,
    circle: r.circle,
    timeZone: r.time_zone,
    muted: fromFlag(r.muted),
    cadenceOverride:
      r.cadence_ideal_days != null
        ? { idealDays: r.cadence_ideal_days, maxDays: r.cadence_max_days ?? r.cadence_ideal_days }
        : null,
    lastTouchAt: r.last_touch_at,
    touchCount: Number(r.touch_count),
    nextDueOn: r.next_due_on,
    dueReason: r.due_item ? (JSON.parse(r.due_item) as DueItem).reasonKind : null,
    snoozedUntilOn: r.snoozed_until_on,
    movedOnAt: r.moved_on_at,
    moveOnNote: r.move_on_note,
    circleBeforeMoveOn: r.circle_before_move_on,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

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
    await this.index(row);
  }

  async update(accountId: string, contact: Contact): Promise<void> {
    const row = toRow(accountId, contact, await this.companyName(accountId, contact.companyId));
    const {
      id,
      account_id,
      last_touch_at: _lastTouch,
      touch_count: _touches,
      last_reply_at: _reply,
      unanswered_attempt_ats: _attempts,
      next_due_on: _due,
      recompute_on: _recompute,
      due_item: _item,
      due_priority: _priority,
      ...changes
    } = row;
    await this.db
      .updateTable("contact")
      .set(changes)
      .where("account_id", "=", account_id)
      .where("id", "=", id)
      .execute();
    await this.writeTags(accountId, contact);
    await this.index(row);
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
    const rows = await this.db
      .selectFrom("contact")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("company_id", "=", companyId)
      .execute();
    for (const r of rows) {
      const row = toRow(accountId, contactFromRow(r), companyName);
      await this.db.updateTable("contact").set({ search_text: row.search_text }).where("id", "=", r.id).execute();
      await this.index(row);
    }
  }

  /** PostgreSQL indexes `search_text` itself (GIN expression index); SQLite keeps an FTS5 row in step. */
  private async index(row: Row): Promise<void> {
    if (this.dialect !== "sqlite") return;
    const mapped = await this.db
      .selectFrom("contact_fts_map")
      .select("fts_rowid")
      .where("contact_id", "=", row.id)
      .executeTakeFirst();
    if (mapped) {
      await sql`UPDATE contact_fts SET body = ${row.search_text} WHERE rowid = ${mapped.fts_rowid}`.execute(this.db);
      return;
    }
    const result = await sql`INSERT INTO contact_fts (body) VALUES (${row.search_text})`.execute(this.db);
    await this.db
      .insertInto("contact_fts_map")
      .values({ contact_id: row.id, fts_rowid: Number(result.insertId) })
      .execute();
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

  async existingIds(accountId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom("contact")
      .select("id")
      .where("account_id", "=", accountId)
      .where("id", "in", [...ids])
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Where a listing starts. A SQLite search starts from the full-text matches and joins the contacts to them: the
   * planner would otherwise walk the whole account in name order and test each row against the match list.
   */
  private listSource(words: string[]) {
    const plain = this.db.selectFrom("contact as c");
    if (words.length === 0 || this.dialect !== "sqlite") return plain;
    return this.db
      .selectFrom(
        sql<{
          r: number;
        }>`(SELECT rowid AS r FROM contact_fts WHERE contact_fts MATCH ${ftsMatchExpression(words)})`.as("f"),
      )
      .innerJoin("contact_fts_map as m", (join) => join.on(sql<boolean>`m.fts_rowid = f.r`))
      .innerJoin("contact as c", "c.id", "m.contact_id") as unknown as typeof plain;
  }

  async list(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number },
    page: PageQuery,
  ): Promise<Page<Contact>> {
    const words = queryWords(query.q ?? "");
    let q = this.listSource(words).where("c.account_id", "=", accountId);
    if (query.archived === "exclude") q = q.where("c.archived_at", "is", null);
    if (query.archived === "only") q = q.where("c.archived_at", "is not", null);
    if (query.companyId) q = q.where("c.company_id", "=", query.companyId);
    if (query.circle) q = q.where("c.circle", "=", query.circle);
    if (query.progress === "new") q = q.where("c.touch_count", "=", 0);
    if (query.progress === "building") {
      q = q.where("c.touch_count", ">", 0).where("c.touch_count", "<", query.connectionTarget);
    }
    if (query.progress === "connected") q = q.where("c.touch_count", ">=", query.connectionTarget);
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
    if (words.length > 0 && this.dialect === "postgres") {
      q = q.where(
        sql<boolean>`to_tsvector('simple', c.search_text) @@ to_tsquery('simple', ${tsQueryExpression(words)})`,
      );
    }
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
    return { items: result.items.map(contactFromRow), nextCursor: result.nextCursor };
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
    if (this.dialect === "sqlite") {
      await sql`DELETE FROM contact_fts WHERE rowid = (SELECT fts_rowid FROM contact_fts_map WHERE contact_id = ${id} AND ${id} IN (SELECT id FROM contact WHERE account_id = ${accountId}))`.execute(
        this.db,
      );
    }
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

  async engineInputs(accountId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("contact")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "in", [...ids])
      .execute();
    return rows.map((r) => ({
      contact: contactFromRow(r),
      history: {
        touches: Number(r.touch_count),
        lastTouchAt: r.last_touch_at,
        lastReplyAt: r.last_reply_at,
        unansweredAttemptAts: fromJson<string[]>(r.unanswered_attempt_ats, []),
      } satisfies HistorySummary,
    }));
  }

  async setDerivedState(accountId: string, id: string, state: DerivedState) {
    await this.db
      .updateTable("contact")
      .set(derivedColumns(state))
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
  }

  async staleIds(accountId: string, todayOn: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select("id")
      .where("account_id", "=", accountId)
      .where("recompute_on", "<=", todayOn)
      .where("archived_at", "is", null)
      .orderBy("recompute_on")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async dueItemOf(accountId: string, id: string): Promise<DueItem | null> {
    const row = await this.db
      .selectFrom("contact")
      .select("due_item")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.due_item ? (JSON.parse(row.due_item) as DueItem) : null;
  }

  async topDue(accountId: string, limit: number, countUpTo: number) {
    // Archived contacts never have a priority (refreshContacts clears it), so the index alone answers both.
    const due = this.db.selectFrom("contact").where("account_id", "=", accountId).where("due_priority", "is not", null);
    const idOrder = this.dialect === "postgres" ? sql`id COLLATE "C"` : sql`id`;
    // One statement, so one round trip on PostgreSQL: the capped count rides along as an uncorrelated subquery
    // (evaluated once). With no due row there is nothing to count either.
    const capped = this.db
      .selectFrom(
        due
          .select("id")
          .limit(countUpTo + 1)
          .as("d"),
      )
      .select((eb) => eb.fn.countAll<string | number>().as("n"));
    const rows = await due
      .select(["due_item", capped.as("n")])
      .orderBy("due_priority", "desc")
      .orderBy("next_due_on")
      .orderBy(idOrder)
      .limit(limit)
      .execute();
    const n = Number(rows[0]?.n ?? 0);
    return {
      items: rows.flatMap((r) => (r.due_item ? [JSON.parse(r.due_item) as DueItem] : [])),
      total: Math.min(n, countUpTo),
      capped: n > countUpTo,
    };
  }

  async idsAfter(accountId: string, afterId: string | null, limit: number): Promise<string[]> {
    let q = this.db.selectFrom("contact").select("id").where("account_id", "=", accountId);
    if (afterId) q = q.where("id", ">", afterId);
    const rows = await q.orderBy("id").limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async dueSpread(accountId: string, bounds: { todayOn: string; weekEndOn: string; monthEndOn: string }) {
    const bucket = sql<DueBucket>`CASE
      WHEN next_due_on IS NULL THEN 'not-due'
      WHEN next_due_on < ${bounds.todayOn} THEN 'overdue'
      WHEN next_due_on = ${bounds.todayOn} THEN 'today'
      WHEN next_due_on <= ${bounds.weekEndOn} THEN 'this-week'
      WHEN next_due_on <= ${bounds.monthEndOn} THEN 'this-month'
      ELSE 'later' END`;
    const rows = await this.db
      .selectFrom("contact")
      .select([bucket.as("bucket"), (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("account_id", "=", accountId)
      .where("archived_at", "is", null)
      // By position: PostgreSQL would not see the parameterised CASE repeated in GROUP BY as the same expression.
      .groupBy(sql`1`)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)])) as Partial<Record<DueBucket, number>>;
  }

  /** The smallest date: every row is stale until the next catch-up recomputes it. */
  async markAllStale(accountId: string): Promise<void> {
    await this.db
      .updateTable("contact")
      .set({ recompute_on: "0000-01-01" })
      .where("account_id", "=", accountId)
      .execute();
  }
}
