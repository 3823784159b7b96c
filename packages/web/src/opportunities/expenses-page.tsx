import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import { useAccount, useCanEdit } from "../app/session.ts";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { formatDate, plural } from "../ui/format.ts";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";
import { wallClockAt } from "../ui/zoned-time.ts";
import { expensesCsvHref, useExpenseActions, useExpenses } from "./expense-queries.ts";
import { amountHint, formatMoney, parseAmount } from "./money.ts";
import { useOpportunities } from "./opportunity-queries.ts";
import type { JobExpense } from "./opportunity-types.ts";

const CATEGORIES = ["travel", "clothing", "coaching", "printing", "subscriptions", "other"];
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The job search's expenses: logged one by one, totalled by year and currency, downloaded as CSV. */
export default function ExpensesPage() {
  const timeZone = useAccount().data?.timeZone ?? "UTC";
  const todayOn = wallClockAt(new Date(), timeZone).on;
  const [year, setYear] = useState(Number(todayOn.slice(0, 4)));
  const expenses = useExpenses(year);
  const canEdit = useCanEdit();
  const list = expenses.data;
  return (
    <Page
      title="Expenses"
      lead="What the job search costs: travel, coaching, printing… Totals by year, and a CSV for your records."
      actions={
        <Link href="/jobs" className="btn btn-plain">
          Back to the board
        </Link>
      }
    >
      <div className="stack-lg">
        {canEdit && <LogExpense todayOn={todayOn} lastCurrency={list?.items[0]?.currency ?? "EUR"} />}
        <Section title={`Your expenses in ${year}`} id="expense-year">
          <div className="row year-row">
            <Button tone="quiet" aria-label={`Show ${year - 1}`} onPress={() => setYear(year - 1)}>
              ← {year - 1}
            </Button>
            <Button tone="quiet" aria-label={`Show ${year + 1}`} onPress={() => setYear(year + 1)}>
              {year + 1} →
            </Button>
            <a className="btn btn-plain" href={expensesCsvHref(year)} download={`job-expenses-${year}.csv`}>
              Download CSV
            </a>
          </div>
          {expenses.isPending && <Loading />}
          {expenses.isError && <Alert>{describeError(expenses.error)}</Alert>}
          {list && (
            <div className="stack">
              <div className="stats">
                {list.totals.length === 0 && <p className="muted">Nothing logged in {year}.</p>}
                {list.totals.map((t) => (
                  <div key={t.currency} className="stat">
                    <strong>{formatMoney(t.amountMinor, t.currency)}</strong>
                    <span className="small">{plural(t.count, "expense")}</span>
                  </div>
                ))}
              </div>
              {list.items.length > 0 ? <ExpenseTable items={list.items} canEdit={canEdit} /> : null}
            </div>
          )}
        </Section>
        {list && list.items.length === 0 && list.totals.length === 0 && !canEdit && <Empty>No expenses.</Empty>}
      </div>
    </Page>
  );
}

function ExpenseTable({ items, canEdit }: { items: JobExpense[]; canEdit: boolean }) {
  const { remove } = useExpenseActions();
  const titles = new Map((useOpportunities().data ?? []).map((o) => [o.id, o.title]));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll expense-table" tabIndex={0} aria-label="Expenses">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Category</th>
            <th scope="col">Note</th>
            <th scope="col" className="num">
              Amount
            </th>
            {canEdit && (
              <th scope="col" className="label-hidden">
                <span>Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{formatDate(e.spentOn)}</td>
              <td>{capitalised(e.category)}</td>
              <td>
                {e.note}
                {e.opportunityId && titles.has(e.opportunityId) && (
                  <span className="muted">
                    {e.note ? " · " : ""}
                    <Link href={`/jobs/${encodeURIComponent(e.opportunityId)}`}>{titles.get(e.opportunityId)}</Link>
                  </span>
                )}
              </td>
              <td className="num">{formatMoney(e.amountMinor, e.currency)}</td>
              {canEdit && (
                <td>
                  <Button
                    tone="quiet"
                    isDisabled={remove.isPending}
                    aria-label={`Delete the ${e.category} expense of ${formatDate(e.spentOn)}`}
                    onPress={() => remove.mutate(e.id)}
                  >
                    Delete
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {remove.isError && <Alert>{describeError(remove.error)}</Alert>}
    </section>
  );
}

function LogExpense(props: { todayOn: string; lastCurrency: string }) {
  const { add } = useExpenseActions();
  const opportunities = useOpportunities().data ?? [];
  const [draft, setDraft] = useState({
    spentOn: props.todayOn,
    amount: "",
    currency: props.lastCurrency,
    category: "travel",
    note: "",
    opportunityId: "",
  });
  const [amountError, setAmountError] = useState<string | undefined>();
  // A field shown invalid blocks the form's submit (react-aria sets its validity): a change clears the old word.
  const set = (part: Partial<typeof draft>) => {
    setDraft((d) => ({ ...d, ...part }));
    setAmountError(undefined);
    if (add.isError) add.reset();
  };
  const error = add.error instanceof ApiError ? add.error : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const currency = draft.currency.trim().toUpperCase();
    const amountMinor = parseAmount(draft.amount, currency);
    if (amountMinor === null) return setAmountError(amountHint(currency));
    add.mutate(
      {
        spentOn: draft.spentOn,
        amountMinor,
        currency,
        category: draft.category,
        ...(draft.note.trim() ? { note: draft.note } : {}),
        ...(draft.opportunityId ? { opportunityId: draft.opportunityId } : {}),
      },
      { onSuccess: () => setDraft((d) => ({ ...d, amount: "", note: "" })) },
    );
  };
  const placed = ["spentOn", "amountMinor", "currency", "category", "note"].some((f) => error?.fieldError(f));
  return (
    <Section title="Log an expense" id="log-expense">
      <form className="stack" onSubmit={onSubmit} aria-label="Log an expense">
        <div className="grid-3">
          <Field
            label="Date"
            name="spentOn"
            type="date"
            value={draft.spentOn}
            onChange={(spentOn) => set({ spentOn })}
            isRequired
            error={error?.fieldError("spentOn")}
          />
          <Field
            label="Amount"
            name="amount"
            inputMode="decimal"
            value={draft.amount}
            onChange={(amount) => set({ amount })}
            isRequired
            error={amountError ?? error?.fieldError("amountMinor")}
          />
          <Field
            label="Currency"
            name="currency"
            value={draft.currency}
            onChange={(currency) => set({ currency })}
            isRequired
            error={error?.fieldError("currency")}
          />
        </div>
        <div className="grid-3">
          <NativeSelect
            label="Category"
            name="category"
            options={CATEGORIES.map((c) => ({ id: c, label: capitalised(c) }))}
            value={draft.category}
            onChange={(category) => set({ category })}
            error={error?.fieldError("category")}
          />
          <Field
            label="Note"
            name="note"
            value={draft.note}
            onChange={(note) => set({ note })}
            error={error?.fieldError("note")}
          />
          <NativeSelect
            label="For"
            name="opportunityId"
            options={[
              { id: "", label: "The search in general" },
              ...opportunities.map((o) => ({ id: o.id, label: o.title })),
            ]}
            value={draft.opportunityId}
            onChange={(opportunityId) => set({ opportunityId })}
          />
        </div>
        <div className="row">
          <Button type="submit" tone="primary" isDisabled={add.isPending}>
            Log expense
          </Button>
        </div>
        {add.isError && !placed && <Alert>{describeError(add.error)}</Alert>}
      </form>
    </Section>
  );
}
