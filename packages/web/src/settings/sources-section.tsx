import { useCanEdit } from "../app/session.ts";
import { Section } from "../ui/page.tsx";
import { CalendarsPart } from "./sources-calendars-part.tsx";
import { MailboxPart } from "./sources-mailbox-part.tsx";
import { SuggestionsPart } from "./sources-suggestions-part.tsx";

/** Sources: where Kith learns what happened without being told (the member's mailbox, the account's calendars). */
export function SourcesSection() {
  const canEdit = useCanEdit();
  return (
    <Section title="Sources" id="sources">
      <p className="small">Kith learns from your mail and calendar, so your last touch with each person stays true.</p>
      <MailboxPart canEdit={canEdit} />
      <CalendarsPart canEdit={canEdit} />
      <SuggestionsPart canEdit={canEdit} />
    </Section>
  );
}
