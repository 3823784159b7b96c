import { memo, useRef, useState } from "react";
import { Button, Field } from "../ui/controls.tsx";
import { type LabelledRow, newRow } from "./contact-draft.ts";

/**
 * A list of values each with a label (emails, phones, links): rows added and removed by button, every input
 * labelled by its number ("Email 2", "Email 2 label"). A row's error is the server's word on the i-th row *sent*
 * (`emails.<i>`): blank rows are not sent, so the server's indices skip them.
 */
export const LabelledRowsField = memo(function LabelledRowsField(props: {
  legend: string;
  /** One row's name, e.g. "Email": inputs are "Email 1", "Email 1 label"; the add button "Add email". */
  noun: string;
  type: "email" | "tel" | "url";
  rows: LabelledRow[];
  onChange: (rows: LabelledRow[]) => void;
  labelPlaceholder: string;
  /** The field's name in the API ("emails"): the server's errors name `emails.<i>…`. */
  path: string;
  errorOf: (path: string) => string | undefined;
}) {
  const { rows, onChange, noun } = props;
  const [focusKey, setFocusKey] = useState<number | null>(null);
  // A removed row takes its focused Remove button with it: focus goes to the Add button, not to the page's start.
  const addButton = useRef<HTMLButtonElement>(null);
  const remove = (key: number) => {
    onChange(rows.filter((r) => r.key !== key));
    addButton.current?.focus();
  };
  const set = (key: number, part: Partial<LabelledRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...part } : r)));
  let sent = -1;

  return (
    <fieldset className="rows-field">
      <legend>{props.legend}</legend>
      {rows.length === 0 && <p className="muted small">None yet.</p>}
      {rows.map((row, i) => {
        if (row.value.trim()) sent += 1;
        const error = row.value.trim() ? props.errorOf(`${props.path}.${sent}`) : undefined;
        const name = `${noun} ${i + 1}`;
        return (
          <div className="labelled-row" key={row.key}>
            <Field
              className="labelled-row-value"
              label={name}
              name={`${noun.toLowerCase()}-${i + 1}`}
              // An email is typed as text: the browser's type=email refuses the UTF-8 local parts Kith accepts
              // (RFC 6531); the server checks it and its message shows here.
              type={props.type === "email" ? "text" : props.type}
              inputMode={props.type === "email" ? "email" : undefined}
              autoComplete="off"
              value={row.value}
              onChange={(value) => set(row.key, { value })}
              error={error}
              autoFocus={focusKey === row.key}
            />
            <Field
              className="labelled-row-label"
              label={`${name} label`}
              name={`${noun.toLowerCase()}-${i + 1}-label`}
              value={row.label}
              onChange={(label) => set(row.key, { label })}
              placeholder={props.labelPlaceholder}
            />
            <Button
              tone="quiet"
              className="labelled-row-remove"
              aria-label={`Remove ${name.toLowerCase()}`}
              onPress={() => remove(row.key)}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          ref={addButton}
          tone="quiet"
          onPress={() => {
            const row = newRow();
            setFocusKey(row.key);
            onChange([...rows, row]);
          }}
        >
          Add {noun.toLowerCase()}
        </Button>
      </div>
    </fieldset>
  );
});
