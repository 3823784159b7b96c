import { Field, NativeSelect } from "../ui/controls.tsx";
import { STRENGTH_LABELS } from "./relationship-words.ts";

/** How strong, since when and how: the fields an edge keeps, shared by the add and edit forms. */
export interface TieValues {
  how: string;
  strength: string;
  /** A year ("2019") or empty; the API stores it as its 1 January. */
  sinceYear: string;
}

export const STRENGTH_OPTIONS = [5, 4, 3, 2, 1].map((n) => ({ id: String(n), label: `${n} · ${STRENGTH_LABELS[n]}` }));

export function tieValuesOf(edge?: { how: string; strength: number; sinceOn: string | null }): TieValues {
  return { how: edge?.how ?? "", strength: String(edge?.strength ?? 3), sinceYear: edge?.sinceOn?.slice(0, 4) ?? "" };
}

/** The fields as the API takes them; `sinceOn` only when the year changed, so a full date kept by import stays. */
export function tieBody(values: TieValues, before?: { sinceOn: string | null }) {
  const year = values.sinceYear.trim();
  const sinceOn = year ? `${year.padStart(4, "0")}-01-01` : null;
  const sinceChanged = !before || (before.sinceOn?.slice(0, 4) ?? "") !== year;
  return {
    how: values.how.trim(),
    strength: Number(values.strength),
    ...(sinceChanged ? { sinceOn } : {}),
  };
}

export function TieFields(props: {
  values: TieValues;
  onChange: (values: TieValues) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { values, onChange } = props;
  return (
    <div className="tie-fields">
      <Field
        label="How they know each other"
        name="how"
        value={values.how}
        onChange={(how) => onChange({ ...values, how })}
        placeholder="Worked together at Fabrikam"
        error={props.fieldError("how")}
      />
      <NativeSelect
        label="Strength"
        name="strength"
        options={STRENGTH_OPTIONS}
        value={values.strength}
        onChange={(strength) => onChange({ ...values, strength })}
        error={props.fieldError("strength")}
      />
      <Field
        label="Since (year)"
        name="sinceYear"
        type="number"
        inputMode="numeric"
        min={1900}
        max={new Date().getFullYear()}
        value={values.sinceYear}
        onChange={(sinceYear) => onChange({ ...values, sinceYear })}
        error={props.fieldError("sinceOn")}
      />
    </div>
  );
}
