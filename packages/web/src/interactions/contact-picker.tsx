import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover } from "react-aria-components";
import { api, unwrap } from "../api/client.ts";

/** Type a few letters of a name; the server's search answers (prefix match over name, email, company, tags). */
export function ContactPicker(props: {
  selected: { id: string; displayName: string } | null;
  onSelect: (contact: { id: string; displayName: string } | null) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  /** "With" unless told (the templates page previews "For" a contact, optionally). */
  label?: string;
  isRequired?: boolean;
}) {
  const [text, setText] = useState(props.selected?.displayName ?? "");
  const q = useDeferredValue(text.trim());
  const results = useQuery({
    queryKey: ["contacts", "pick", q],
    queryFn: () => unwrap(api.GET("/api/contacts", { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
    placeholderData: (previous) => previous,
  });
  const items = results.data?.items ?? [];

  return (
    <ComboBox
      className="field combobox"
      inputValue={text}
      onInputChange={setText}
      selectedKey={props.selected?.id ?? null}
      onSelectionChange={(key) => {
        const contact = items.find((c) => c.id === key);
        props.onSelect(contact ? { id: contact.id, displayName: contact.displayName } : null);
        if (contact) setText(contact.displayName);
      }}
      items={items}
      menuTrigger="focus"
      allowsEmptyCollection
      isRequired={props.isRequired ?? true}
      isInvalid={Boolean(props.error)}
      autoFocus={props.autoFocus}
    >
      <Label>{props.label ?? "With"}</Label>
      <div className="combobox-box">
        <Input placeholder="Start typing a name" />
        <Button className="combobox-button" aria-label="Show contacts">
          ▾
        </Button>
      </div>
      <FieldError>{props.error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <div className="listbox-empty">No one found</div>}>
          {(contact: (typeof items)[number]) => (
            <ListBoxItem className="listbox-item" id={contact.id} textValue={contact.displayName}>
              {contact.displayName}
              {contact.title && <span className="muted small"> · {contact.title}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
