import { useState } from "react";
import { describeError } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { DraftPanel } from "./draft-panel.tsx";
import { templateOf, useCanSend, useRecordSent, useSendMessage } from "./message-queries.ts";
import { useContactDraft, useTemplates } from "./template-queries.ts";

const KITH_PICKS = "";

/** The contact page's "Draft a message": Kith's pick of template, or the one chosen, with the draft's actions. */
export function ContactDraftSection({ contact }: { contact: Contact }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button onPress={() => setOpen(true)} aria-label={`Draft a message to ${contact.displayName}`}>
        Draft a message
      </Button>
    );
  return <ContactDraft contact={contact} onClose={() => setOpen(false)} />;
}

function ContactDraft({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const canEdit = useCanEdit();
  const [templateId, setTemplateId] = useState(KITH_PICKS);
  const templates = useTemplates();
  const draft = useContactDraft(contact.id, templateId || null);
  const recordSent = useRecordSent(contact.id);
  const send = useSendMessage(contact.id);
  const canSend = useCanSend();
  const options = [
    { id: KITH_PICKS, label: "Kith's pick for now" },
    ...(templates.data ?? []).filter((t) => !t.hidden).map((t) => ({ id: t.id, label: t.name })),
  ];
  return (
    <Section
      title="Draft a message"
      id="contact-draft"
      actions={
        <Button tone="quiet" onPress={onClose}>
          Close
        </Button>
      }
    >
      <NativeSelect label="Template" name="templateId" options={options} value={templateId} onChange={setTemplateId} />
      {draft.isPending && <Loading label="Writing a draft…" />}
      {draft.isError && <Alert>{describeError(draft.error)}</Alert>}
      {draft.data && (
        <DraftPanel
          key={draft.data.templateId ?? draft.data.templateName}
          draft={draft.data}
          contact={{ id: contact.id, displayName: contact.displayName, email: contact.emails[0]?.address ?? null }}
          canEdit={canEdit}
          canSend={canEdit && canSend}
          onSend={(message) => send.mutateAsync({ ...message, ...templateOf(draft.data) })}
          onSent={(message) => recordSent.mutateAsync({ ...message, ...templateOf(draft.data) })}
          expanded
        />
      )}
    </Section>
  );
}
