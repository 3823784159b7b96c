import { Label, Radio, RadioGroup } from "react-aria-components";

/** One choice among a few, shown as a row of segments (how, who started it…): a radio group underneath. */
export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <RadioGroup
      className="segmented-group"
      value={props.value}
      onChange={(v) => props.onChange(v as T)}
      orientation="horizontal"
    >
      <Label>{props.label}</Label>
      <div className="segmented">
        {props.options.map((option) => (
          <Radio key={option} value={option} className="segment">
            {props.labels[option]}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
