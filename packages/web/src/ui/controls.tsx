import { memo, type ReactNode, type Ref } from "react";
import {
  Button as AriaButton,
  Checkbox as AriaCheckbox,
  Select as AriaSelect,
  type ButtonProps,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
  TextArea,
  TextField,
} from "react-aria-components";

type Tone = "primary" | "quiet" | "danger" | "plain";

export function Button({
  tone = "plain",
  className,
  ...props
}: ButtonProps & { tone?: Tone; ref?: Ref<HTMLButtonElement> }) {
  return <AriaButton {...props} className={`btn btn-${tone}${className ? ` ${className}` : ""}`} />;
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "password" | "url" | "tel" | "date" | "time" | "datetime-local" | "number" | "search";
  description?: string;
  error?: string | undefined;
  isRequired?: boolean;
  autoComplete?: string;
  autoFocus?: boolean;
  multiline?: boolean;
  rows?: number;
  minLength?: number;
  placeholder?: string;
  /** Bounds of a number or date input (checked by the browser before the form is sent). */
  min?: number | string;
  max?: number | string;
  className?: string;
  /** The keyboard a phone shows, e.g. "email" for an address typed as text (type=email refuses UTF-8 local parts). */
  inputMode?: "email" | "tel" | "url" | "numeric" | "decimal" | "text";
}

/**
 * A labelled input whose server-side error (from problem+json `errors[].path`) shows under it. Drawn again only
 * when its own props change, so a long form stays quick to type in when its setters are stable.
 */
export const Field = memo(function Field(props: FieldProps) {
  const { label, description, error, multiline, rows, placeholder, type, autoComplete, autoFocus, minLength } = props;
  return (
    <TextField
      className={`field${props.className ? ` ${props.className}` : ""}`}
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isRequired={props.isRequired}
      isInvalid={Boolean(error)}
      type={type ?? "text"}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      minLength={minLength}
    >
      <Label>{label}</Label>
      {multiline ? (
        <TextArea rows={rows ?? 4} placeholder={placeholder} />
      ) : (
        <Input placeholder={placeholder} min={props.min} max={props.max} inputMode={props.inputMode} />
      )}
      {description && <Text slot="description">{description}</Text>}
      <FieldError>{error}</FieldError>
    </TextField>
  );
});

export interface Option {
  id: string;
  label: string;
}

export const Select = memo(function Select(props: {
  label: string;
  options: Option[];
  value: string;
  onChange: (id: string) => void;
  name?: string;
  className?: string;
}) {
  return (
    <AriaSelect
      className={`field select${props.className ? ` ${props.className}` : ""}`}
      name={props.name}
      selectedKey={props.value}
      onSelectionChange={(key) => props.onChange(String(key))}
    >
      <Label>{props.label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </AriaButton>
      <Popover className="popover">
        <ListBox className="listbox" items={props.options}>
          {(option) => (
            <ListBoxItem className="listbox-item" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
});

export const Checkbox = memo(function Checkbox(props: {
  children: ReactNode;
  isSelected: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <AriaCheckbox className="checkbox" isSelected={props.isSelected} onChange={props.onChange}>
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18" aria-hidden="true">
          <polyline points="2 9 7 14 16 4" />
        </svg>
      </span>
      {props.children}
    </AriaCheckbox>
  );
});

export { Alert } from "./alert.tsx";

/** A native select: best on phones for long lists (time zones, countries). */
export const NativeSelect = memo(function NativeSelect(props: {
  label: string;
  name: string;
  options: Option[];
  value: string;
  onChange: (id: string) => void;
  description?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  /** The server's word on this field (problem+json `errors[].path`), shown under it. */
  error?: string | undefined;
  className?: string;
}) {
  const id = `select-${props.name}`;
  const described = [props.description && `${id}-desc`, props.error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={`field${props.className ? ` ${props.className}` : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        disabled={props.isDisabled}
        required={props.isRequired}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      >
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {props.description && (
        <span className="description" id={`${id}-desc`}>
          {props.description}
        </span>
      )}
      {props.error && (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
});
