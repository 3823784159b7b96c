import { memo, useRef, useState } from "react";
import type { Contact } from "../api/types.ts";
import { Button, Field, NativeSelect } from "../ui/controls.tsx";
import { MONTH_OPTIONS } from "./birthday-field.tsx";
import {
  CONTACT_DATE_LIMIT,
  type ContactDate,
  type ContactDateKind,
  DATE_LABEL_MAX,
  datesOf,
} from "./contact-extras-api.ts";

/** One date as typed (strings, so a half-typed number is kept). */
export interface DateRow {
  key: number;
  kind: ContactDateKind;
  label: string;
  month: string;
  day: string;
  year: string;
}

let nextKey = 1;
const newDateRow = (kind: ContactDateKind = "anniversary"): DateRow => ({
  key: nextKey++,
  kind,
  label: "",
  month: "",
  day: "",
  year: "",
});

export function dateRowsOf(contact?: Contact): DateRow[] {
  return (contact ? datesOf(contact) : []).map((d) => ({
    key: nextKey++,
    kind: d.kind,
    label: d.label ?? "",
    month: String(d.month),
    day: String(d.day),
    year: d.year ? String(d.year) : "",
  }));
}

const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));
const isBlank = (row: DateRow) => !row.month && !row.day.trim() && !row.year.trim() && !row.label.trim();

/**
 * The `dates` part of the contact's input: sent when the server knows dates (the contact it sent has them) or when
 * the user added one; left out otherwise, so a server without dates is not sent a field it would refuse.
 */
export function datesInputOf(rows: DateRow[], contact?: Contact): { dates?: ContactDate[] } {
  const filled = rows.filter((r) => !isBlank(r));
  if (filled.length === 0 && !contact?.dates.length) return {};
  return {
    dates: filled.map((r) => ({
      kind: r.kind,
      ...(r.kind === "custom" ? { label: r.label.trim() } : {}),
      month: numberOf(r.month),
      day: numberOf(r.day),
      year: r.year.trim() ? numberOf(r.year) : null,
    })),
  };
}

const KIND_OPTIONS: { id: ContactDateKind; label: string }[] = [
  { id: "anniversary", label: "Anniversary" },
  { id: "custom", label: "Other date" },
];

/**
 * Anniversaries and other dates to remember (a child's birthday, the day they started a business): each a kind,
 * a label for the other ones, a month and day, and a year if known. A row's error is the server's word on the i-th
 * date sent (`dates.<i>`; blank rows are not sent).
 */
export const ContactDatesFields = memo(function ContactDatesFields(props: {
  rows: DateRow[];
  onChange: (rows: DateRow[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { rows, onChange } = props;
  const [focusKey, setFocusKey] = useState<number | null>(null);
  // A removed row takes its focused Remove button with it: focus goes to the Add button, not to the page's start.
  const addButton = useRef<HTMLButtonElement>(null);
  const remove = (key: number) => {
    onChange(rows.filter((r) => r.key !== key));
    addButton.current?.focus();
  };
  const set = (key: number, part: Partial<DateRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...part } : r)));
  let sent = -1;

  return (
    <fieldset className="rows-field">
      <legend>Other dates</legend>
      {rows.length === 0 && <p className="muted small">Anniversaries and other days to remember.</p>}
      {rows.map((row, i) => {
        if (!isBlank(row)) sent += 1;
        const error = isBlank(row) ? undefined : props.errorOf(`dates.${sent}`);
        const name = `Date ${i + 1}`;
        return (
          <div className="date-row" key={row.key}>
            <div className="grid-2">
              <NativeSelect
                label={`${name} kind`}
                name={`date-${row.key}-kind`}
                options={KIND_OPTIONS}
                value={row.kind}
                onChange={(kind) => set(row.key, { kind: kind as ContactDateKind })}
                error={error}
              />
              {row.kind === "custom" && (
                <Field
                  label={`${name} label`}
                  name={`date-${row.key}-label`}
                  value={row.label}
                  onChange={(label) => set(row.key, { label: label.slice(0, DATE_LABEL_MAX) })}
                  placeholder="Started her studio"
                  isRequired
                  autoFocus={focusKey === row.key}
                />
              )}
            </div>
            <div className="labelled-row">
              <div className="grid-3">
                <NativeSelect
                  label={`${name} month`}
                  name={`date-${row.key}-month`}
                  options={[{ id: "", label: "—" }, ...MONTH_OPTIONS]}
                  value={row.month}
                  onChange={(month) => set(row.key, { month })}
                  isRequired
                />
                <Field
                  label={`${name} day`}
                  name={`date-${row.key}-day`}
                  type="number"
                  min={1}
                  max={31}
                  value={row.day}
                  onChange={(day) => set(row.key, { day })}
                  isRequired
                />
                <Field
                  label={`${name} year`}
                  name={`date-${row.key}-year`}
                  type="number"
                  min={1900}
                  max={2100}
                  value={row.year}
                  onChange={(year) => set(row.key, { year })}
                  description="Optional"
                />
              </div>
              <Button tone="quiet" aria-label={`Remove date ${i + 1}`} onPress={() => remove(row.key)}>
                Remove
              </Button>
            </div>
          </div>
        );
      })}
      {rows.length < CONTACT_DATE_LIMIT && (
        <div className="row">
          <Button ref={addButton} tone="quiet" onPress={() => onChange([...rows, newDateRow("anniversary")])}>
            Add anniversary
          </Button>
          <Button
            tone="quiet"
            onPress={() => {
              const row = newDateRow("custom");
              setFocusKey(row.key);
              onChange([...rows, row]);
            }}
          >
            Add other date
          </Button>
        </div>
      )}
    </fieldset>
  );
});

/** "June 2" or "June 2, 2015", in the browser's language. */
export function formatMonthDay(date: { month: number; day: number; year?: number | null }): string {
  return new Date(date.year ?? 2000, date.month - 1, date.day).toLocaleDateString(
    undefined,
    date.year ? { dateStyle: "long" } : { month: "long", day: "numeric" },
  );
}
