import { type Actor, requireRole } from "../accounts/roles.ts";
import { csvText } from "../exports/csv-export.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { requireJobSearchReader } from "../shares/scope.ts";
import { amountText } from "./money.ts";
import { accountTodayOn } from "./opportunity-service.ts";
import {
  createExpenseSchema,
  expenseYearQuerySchema,
  type JobExpense,
  type JobExpenseList,
  updateExpenseSchema,
} from "./schemas.ts";

/** The totals of a year's expenses, one per currency (amounts in different currencies are never added). */
export function expenseTotals(items: readonly JobExpense[]) {
  const totals = new Map<string, { currency: string; amountMinor: number; count: number }>();
  for (const e of items) {
    const t = totals.get(e.currency) ?? { currency: e.currency, amountMinor: 0, count: 0 };
    t.amountMinor += e.amountMinor;
    t.count += 1;
    totals.set(e.currency, t);
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

async function yearOf(deps: Deps, actor: Actor, query: unknown): Promise<number> {
  const { year } = parseInput(expenseYearQuerySchema, query ?? {});
  return year ?? Number((await accountTodayOn(deps, deps.store, actor.accountId)).slice(0, 4));
}

/** A year's job-search expenses (default: this year in the account's zone), by date, with totals per currency. */
export async function listJobExpenses(deps: Deps, actor: Actor, query: unknown): Promise<JobExpenseList> {
  requireJobSearchReader(actor);
  const year = await yearOf(deps, actor, query);
  const items = await deps.store.jobExpenses.list(actor.accountId, `${year}-01-01`, `${year}-12-31`);
  return { year, items, totals: expenseTotals(items) };
}

export const EXPENSE_CSV_HEADERS = ["Date", "Amount", "Currency", "Category", "Note", "Opportunity"] as const;

/** A year's expenses as CSV (RFC 4180, formula-like cells neutralised), with the opportunity's title. */
export async function jobExpensesCsv(deps: Deps, actor: Actor, query: unknown): Promise<string> {
  const { items } = await listJobExpenses(deps, actor, query);
  const titles = new Map<string, string>();
  for (const id of new Set(items.flatMap((e) => (e.opportunityId ? [e.opportunityId] : [])))) {
    const o = await deps.store.opportunities.find(actor.accountId, id);
    if (o) titles.set(id, o.title);
  }
  const rows = items.map((e) => [
    e.spentOn,
    amountText(e.amountMinor, e.currency),
    e.currency,
    e.category,
    e.note,
    e.opportunityId ? (titles.get(e.opportunityId) ?? "") : "",
  ]);
  return csvText(EXPENSE_CSV_HEADERS, rows);
}

async function checkedOpportunity(tx: Repositories, accountId: string, id: string | null | undefined) {
  if (id && !(await tx.opportunities.exists(accountId, id))) throw invalid("opportunityId", "no such opportunity");
  return id ?? null;
}

export async function createJobExpense(deps: Deps, actor: Actor, input: unknown): Promise<JobExpense> {
  requireRole(actor, "editor");
  const data = parseInput(createExpenseSchema, input);
  const expense: JobExpense = {
    id: deps.ids.newId(),
    spentOn: data.spentOn ?? (await accountTodayOn(deps, deps.store, actor.accountId)),
    amountMinor: data.amountMinor,
    currency: data.currency,
    category: data.category,
    note: data.note ?? "",
    opportunityId: await checkedOpportunity(deps.store, actor.accountId, data.opportunityId),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.jobExpenses.insert(actor.accountId, expense);
  return expense;
}

export async function updateJobExpense(deps: Deps, actor: Actor, id: string, input: unknown): Promise<JobExpense> {
  requireRole(actor, "editor");
  const patch = parseInput(updateExpenseSchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await tx.jobExpenses.find(actor.accountId, id);
    if (!current) throw notFound("expense", id);
    const next: JobExpense = {
      ...current,
      spentOn: patch.spentOn ?? current.spentOn,
      amountMinor: patch.amountMinor ?? current.amountMinor,
      currency: patch.currency ?? current.currency,
      category: patch.category ?? current.category,
      note: patch.note ?? current.note,
      opportunityId:
        patch.opportunityId !== undefined
          ? await checkedOpportunity(tx, actor.accountId, patch.opportunityId)
          : current.opportunityId,
    };
    await tx.jobExpenses.update(actor.accountId, next);
    return next;
  });
}

export async function deleteJobExpense(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  if (!(await deps.store.jobExpenses.delete(actor.accountId, id))) throw notFound("expense", id);
}
