import type { Company, CompanyRepository, Page, PageQuery } from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { CompanyTable, Database } from "../schema.ts";
import type { KyselyContactRepository } from "./contact-repository.ts";
import { fromFlag, toFlag } from "./json.ts";

const fromRow = (r: Selectable<CompanyTable>): Company => ({
  id: r.id,
  name: r.name,
  domain: r.domain,
  target: fromFlag(r.target),
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A company as its row (the repository and the import's batch writes share it). */
export const companyRow = (accountId: string, c: Company) => ({
  id: c.id,
  account_id: accountId,
  name: c.name,
  domain: c.domain,
  target: toFlag(c.target),
  notes: c.notes,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export class KyselyCompanyRepository implements CompanyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly contacts: KyselyContactRepository,
  ) {}

  async insert(accountId: string, c: Company): Promise<void> {
    await this.db.insertInto("company").values(companyRow(accountId, c)).execute();
  }

  async update(accountId: string, c: Company): Promise<void> {
    const before = await this.findById(accountId, c.id);
    await this.db
      .updateTable("company")
      .set({ name: c.name, domain: c.domain, target: toFlag(c.target), notes: c.notes, updated_at: c.updatedAt })
      .where("account_id", "=", accountId)
      .where("id", "=", c.id)
      .execute();
    // Contacts are found by their company's name: keep the index in step with a rename.
    if (before && before.name !== c.name) await this.contacts.reindexCompany(accountId, c.id, c.name);
  }

  async findById(accountId: string, id: string): Promise<Company | null> {
    const r = await this.db
      .selectFrom("company")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async list(accountId: string, query: { target?: boolean }, page: PageQuery): Promise<Page<Company>> {
    let q = this.db.selectFrom("company").selectAll().where("account_id", "=", accountId);
    if (query.target !== undefined) q = q.where("target", "=", toFlag(query.target));
    const after = decodeCursor(page.cursor);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb("name", ">", after.key), eb.and([eb("name", "=", after.key), eb("id", ">", after.id)])]),
      );
    }
    const rows = await q
      .orderBy("name")
      .orderBy("id")
      .limit(page.limit + 1)
      .execute();
    return toPage(rows.map(fromRow), page.limit, (c) => ({ key: c.name, id: c.id }));
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const company = await this.findById(accountId, id);
    if (!company) return false;
    await this.contacts.reindexCompany(accountId, id, "");
    await this.db
      .updateTable("contact")
      .set({ company_id: null })
      .where("account_id", "=", accountId)
      .where("company_id", "=", id)
      .execute();
    await this.db.deleteFrom("company").where("account_id", "=", accountId).where("id", "=", id).execute();
    return true;
  }
}
