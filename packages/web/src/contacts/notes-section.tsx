import { useState } from "react";
import { describeError } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { Markdown } from "../ui/markdown.tsx";
import { Section } from "../ui/page.tsx";
import { useSaveContact } from "./contact-queries.ts";

/** Markdown notes: written as text, shown rendered and sanitised. */
export function NotesSection({ contact }: { contact: Contact }) {
  const canEdit = useCanEdit();
  const save = useSaveContact(contact.id);
  const [draft, setDraft] = useState<string | null>(null);

  return (
    <Section
      title="Notes"
      actions={
        canEdit &&
        draft === null && (
          <Button tone="quiet" onPress={() => setDraft(contact.notes)}>
            {contact.notes ? "Edit notes" : "Write notes"}
          </Button>
        )
      }
    >
      {draft === null ? (
        contact.notes ? (
          <Markdown source={contact.notes} />
        ) : (
          <p className="muted">No notes. Their kids' names, what they're working on, what they care about.</p>
        )
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ notes: draft }, { onSuccess: () => setDraft(null) });
          }}
        >
          {save.isError && <Alert>{describeError(save.error)}</Alert>}
          <Field label="Notes (markdown)" name="notes" value={draft} onChange={setDraft} multiline rows={8} autoFocus />
          <div className="row end">
            <Button tone="quiet" onPress={() => setDraft(null)}>
              Cancel
            </Button>
            <Button type="submit" tone="primary" isDisabled={save.isPending}>
              Save notes
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
