import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { useCompanyOptions } from "../companies/company-queries.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { useRecordAsk } from "./ask-queries.ts";
import type { AskAboutKind } from "./ask-types.ts";

const ABOUT_KINDS: readonly AskAboutKind[] = ["company", "role", "person", "other"];
const ABOUT_LABELS: Record<AskAboutKind, string> = {
  company: "A company",
  role: "A role",
  person: "A person",
  other: "Something else",
};
const ABOUT_PLACEHOLDERS: Record<AskAboutKind, string> = {
  company: "",
  role: "Product designer in robotics",
  person: "Someone who runs a small bakery",
  other: "A good accountant",
};

/**
 * "Who do you know?" recorded: whom you asked and about what. Recording it logs the ask as an outbound message to
 * them, so Kith nudges after 7 days if no name comes.
 */
export function RecordAskForm(props: {
  onDone: () => void;
  /** Filled in when the form is opened from somewhere that knows (a company page). */
  initial?: { contact?: { id: string; displayName: string }; companyId?: string };
}) {
  const record = useRecordAsk();
  const companyOptions = useCompanyOptions();
  const [contact, setContact] = useState(props.initial?.contact ?? null);
  const [kind, setKind] = useState<AskAboutKind>("company");
  const [companyId, setCompanyId] = useState(props.initial?.companyId ?? "");
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  const err = record.error instanceof ApiError ? record.error : undefined;
  const aboutError = err?.fieldError("about");
  const ready = Boolean(contact) && (kind === "company" ? Boolean(companyId || text.trim()) : Boolean(text.trim()));
  return (
    <form
      className="stack"
      aria-label="Record an ask"
      onSubmit={(e) => {
        e.preventDefault();
        if (!contact) return;
        const about = {
          kind,
          ...(text.trim() ? { text: text.trim() } : {}),
          ...(kind === "company" && companyId ? { companyId } : {}),
        };
        record.mutate(
          { contactId: contact.id, about, ...(note.trim() ? { note: note.trim() } : {}) },
          { onSuccess: props.onDone },
        );
      }}
    >
      <ContactPicker
        label="Whom you asked"
        selected={contact}
        onSelect={setContact}
        error={err?.fieldError("contactId")}
      />
      <Segmented<AskAboutKind>
        label="About"
        value={kind}
        options={ABOUT_KINDS}
        labels={ABOUT_LABELS}
        onChange={setKind}
      />
      {kind === "company" ? (
        <NativeSelect
          label="Company"
          name="companyId"
          options={companyOptions}
          value={companyId}
          onChange={setCompanyId}
          error={err?.fieldError("about.companyId") ?? aboutError}
        />
      ) : (
        <Field
          label="Who you are looking for"
          name="about"
          value={text}
          onChange={setText}
          placeholder={ABOUT_PLACEHOLDERS[kind]}
          error={err?.fieldError("about.text") ?? aboutError}
        />
      )}
      <Field label="Note (optional)" name="note" value={note} onChange={setNote} error={err?.fieldError("note")} />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={record.isPending || !ready}>
          Record ask
        </Button>
        <Button tone="quiet" onPress={props.onDone}>
          Cancel
        </Button>
      </div>
      {record.isError && !err?.problem.errors?.length && <Alert>{describeError(record.error)}</Alert>}
    </form>
  );
}
