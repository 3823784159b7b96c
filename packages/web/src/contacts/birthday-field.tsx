import { memo } from "react";
import { Field, NativeSelect, type Option } from "../ui/controls.tsx";

/** January … December in the browser's language. */
export const MONTH_OPTIONS: Option[] = Array.from({ length: 12 }, (_, i) => ({
  id: String(i + 1),
  label: new Date(2000, i, 1).toLocaleDateString(undefined, { month: "long" }),
}));

/** A month, a day and (optionally) a year: many people know a birthday but not the year. */
export const BirthdayField = memo(function BirthdayField(props: {
  month: string;
  day: string;
  year: string;
  onChange: (part: { birthdayMonth?: string; birthdayDay?: string; birthdayYear?: string }) => void;
  error: string | undefined;
}) {
  const chosen = props.month !== "" || props.day.trim() !== "" || props.year.trim() !== "";
  return (
    <fieldset className="rows-field">
      <legend>Birthday</legend>
      <div className="grid-3">
        <NativeSelect
          label="Birthday month"
          name="birthdayMonth"
          options={[{ id: "", label: "—" }, ...MONTH_OPTIONS]}
          value={props.month}
          onChange={(birthdayMonth) => props.onChange({ birthdayMonth })}
          isRequired={chosen}
          error={props.error}
        />
        <Field
          label="Birthday day"
          name="birthdayDay"
          type="number"
          min={1}
          max={31}
          value={props.day}
          onChange={(birthdayDay) => props.onChange({ birthdayDay })}
          isRequired={chosen}
        />
        <Field
          label="Birthday year"
          name="birthdayYear"
          type="number"
          min={1900}
          max={2100}
          value={props.year}
          onChange={(birthdayYear) => props.onChange({ birthdayYear })}
          description="Optional"
        />
      </div>
    </fieldset>
  );
});
