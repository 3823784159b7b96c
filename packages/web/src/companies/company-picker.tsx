import { memo, useEffect, useState } from "react";
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { ApiError, describeError } from "../api/problem.ts";
import { useCompanies, useSaveCompany } from "./company-queries.ts";

/** The list's last item when the typed name matches no company: choosing it creates the company. */
const CREATE = "\u0000create";

/**
 * Pick a company by typing a few letters, or create it on the spot: when the name typed is no company yet, the
 * last choice is "Create company “…”", which adds it (one call) and selects it. Emptying the box clears the company.
 */
export const CompanyPicker = memo(function CompanyPicker(props: {
  companyId: string;
  onChange: (companyId: string) => void;
  error?: string | undefined;
}) {
  const companies = useCompanies().data;
  const create = useSaveCompany();
  const selected = companies?.find((c) => c.id === props.companyId);
  const [text, setText] = useState(selected?.name ?? "");
  // The companies arrive after the form opens: show the contact's company once its name is known.
  useEffect(() => {
    if (selected) setText((current) => current || selected.name);
  }, [selected]);

  const typed = text.trim();
  const all = companies ?? [];
  const filtering = typed !== "" && typed !== selected?.name;
  const matches = filtering ? all.filter((c) => c.name.toLowerCase().includes(typed.toLowerCase())) : all;
  const exact = all.some((c) => c.name.toLowerCase() === typed.toLowerCase());
  const items = [
    ...matches.slice(0, 100).map((c) => ({ id: c.id, label: c.name })),
    ...(typed && !exact ? [{ id: CREATE, label: `Create company “${typed}”` }] : []),
  ];

  const choose = async (key: string | null) => {
    if (key === CREATE) {
      try {
        const made = await create.mutateAsync({ name: typed });
        props.onChange(made.id);
        setText(made.name);
      } catch {
        // shown under the field
      }
      return;
    }
    const company = all.find((c) => c.id === key);
    if (!company) return;
    props.onChange(company.id);
    setText(company.name);
  };

  const createError =
    create.error instanceof ApiError
      ? (create.error.fieldError("name") ?? describeError(create.error))
      : create.error
        ? describeError(create.error)
        : undefined;
  const error = createError ?? props.error;
  return (
    <ComboBox
      className="field combobox"
      inputValue={text}
      onInputChange={(value) => {
        setText(value);
        if (!value.trim()) props.onChange("");
      }}
      selectedKey={props.companyId || null}
      onSelectionChange={(key) => void choose(key === null ? null : String(key))}
      // Leaving the box with a name typed but not chosen: a company of exactly that name is taken, otherwise the box
      // shows the company that is set again, so it never reads as one company while the contact has another.
      onBlur={() => {
        const same = all.find((c) => c.name.toLowerCase() === typed.toLowerCase());
        if (!typed) return;
        if (same) void choose(same.id);
        else setText(selected?.name ?? "");
      }}
      items={items}
      menuTrigger="focus"
      allowsEmptyCollection
      isInvalid={Boolean(error)}
      isDisabled={create.isPending}
    >
      <Label>Company</Label>
      <div className="combobox-box">
        <Input placeholder="Type to find or add a company" />
        <Button className="combobox-button" aria-label="Show companies">
          ▾
        </Button>
      </div>
      {create.isPending && <Text slot="description">Creating “{typed}”…</Text>}
      <FieldError>{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <div className="listbox-empty">No companies yet</div>}>
          {(item: (typeof items)[number]) => (
            <ListBoxItem
              className={`listbox-item${item.id === CREATE ? " listbox-create" : ""}`}
              id={item.id}
              textValue={item.label}
            >
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
});
