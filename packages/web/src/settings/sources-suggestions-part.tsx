import { useState } from "react";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { Loading } from "../ui/page.tsx";
import { suggestionWords } from "./sources-labels.ts";
import { type SuggestionView, useAcceptSuggestion, useDismissSuggestion, useSuggestions } from "./sources-queries.ts";

interface Added {
  name: string;
  contactId: string;
  logged: number;
}

/**
 * "Add as contact?": people you wrote to or met (your mailbox's correspondents, your calendars' attendees) who are
 * not contacts yet, with how often. Nothing is created until you add one; dismissing one hides it for good. The
 * mutations live here, not in a row: an added person's row goes away with the list's refresh, the news stays.
 */
export function SuggestionsPart({ canEdit }: { canEdit: boolean }) {
  const suggestions = useSuggestions();
  const accept = useAcceptSuggestion();
  const dismiss = useDismissSuggestion();
  const [added, setAdded] = useState<Added | null>(null);
  const busy = accept.isPending || dismiss.isPending;
  const errorOf = (address: string) =>
    (accept.variables === address && accept.error) || (dismiss.variables === address && dismiss.error) || null;
  return (
    <section className="stack-sm part" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">Add as contacts?</h3>
      <p className="muted small">
        People you exchanged mail with or met who are not contacts yet. Adding one logs what Kith has seen of them.
      </p>
      {added && (
        <p className="small" role="status">
          Added <Link href={`/contacts/${added.contactId}`}>{added.name}</Link>: {added.logged} logged.
        </p>
      )}
      {suggestions.isPending && <Loading />}
      {suggestions.isError && <Alert>{describeError(suggestions.error)}</Alert>}
      {suggestions.data &&
        (suggestions.data.length === 0 ? (
          <p className="muted small">No one to suggest.</p>
        ) : (
          <ul className="plain-list" aria-label="Suggested contacts">
            {suggestions.data.map((s) => (
              <SuggestionRow
                key={s.address}
                suggestion={s}
                canEdit={canEdit}
                busy={busy}
                error={errorOf(s.address)}
                onAdd={(name) =>
                  accept.mutate(s.address, {
                    onSuccess: (r) => setAdded({ name, contactId: r.contactId, logged: r.logged }),
                  })
                }
                onDismiss={() => dismiss.mutate(s.address)}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}

function SuggestionRow(props: {
  suggestion: SuggestionView;
  canEdit: boolean;
  busy: boolean;
  error: Error | null;
  onAdd: (name: string) => void;
  onDismiss: () => void;
}) {
  const { suggestion: s } = props;
  const name = s.name ?? s.address;
  return (
    <li className="member-row">
      <div className="min-0 stack-sm">
        <div className="strong break">{name}</div>
        {s.name && <div className="muted small break">{s.address}</div>}
        <div className="small">{suggestionWords(s)}</div>
        {props.error && <Alert>{describeError(props.error)}</Alert>}
      </div>
      {props.canEdit && (
        <div className="row">
          <Button aria-label={`Add ${name} as a contact`} isDisabled={props.busy} onPress={() => props.onAdd(name)}>
            Add as contact
          </Button>
          <Button tone="quiet" aria-label={`Dismiss ${name}`} isDisabled={props.busy} onPress={props.onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </li>
  );
}
