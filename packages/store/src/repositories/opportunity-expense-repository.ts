import type { JobExpense, JobExpenseRepository } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, JobExpenseTable } from "../schema.ts";

const toExpense = (r: Selectable<JobExpenseTable>): JobExpense => ({
  id: r.id,
  spentOn: r.spent_on,
  amountMinor: Number(r.amount_minor),
  currency: r.currency,
  category: r.category,
  note: r.note,
  opportunityId: r.opportunity_id,
  createdAt: r.created_at,
});

const toRow = (accountId: string, e: JobExpense): Selectable<JobExpenseTable> => ({
  id: e.id,
  account_id: accountId,
  opportunity_id: e.opportunityId,
  spent_on: e.spentOn,
  amount_minor: e.amountMinor,
  currency: e.currency,
  category: e.category,
  note: e.note,
  created_at: e.createdAt,
});

/** The job-search expense log, by account. */
export class KyselyJobExpenseRepository implements JobExpenseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(accountId: string, fromOn: string, toOn: string): Promise<JobExpense[]> {
    const rows = await this.db
      .selectFrom("job_expense")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("spent_on", ">=", fromOn)
      .where("spent_on", "<=", toOn)
      .orderBy("spent_on")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toExpense);
  }

  async find(accountId: string, id: string): Promise<JobExpense | null> {
    const r = await this.db
      .selectFrom("job_expense")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toExpense(r) : null;
  }

  async insert(accountId: string, e: JobExpense): Promise<void> {
    await this.db.insertInto("job_expense").values(toRow(accountId, e)).execute();
  }

  async update(accountId: string, e: JobExpense): Promise<void> {
    const { id, account_id, created_at: _, ...changes } = toRow(accountId, e);
    await this.db
      .updateTable("job_expense")
      .set(changes)
      .where("account_id", "=", account_id)
      .where("id", "=", id)
      .execute();
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("job_expense")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }
}
