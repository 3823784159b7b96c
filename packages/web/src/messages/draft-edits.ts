import { useCallback, useState } from "react";

/** A draft as the member has it in hand: the suggestion, or their edit of it. */
export interface DraftMessage {
  subject: string;
  body: string;
}

// Kept in the module, not in the card: an edit survives the today list refetching, an item leaving and coming back
// (undo), and a visit to another page, for as long as the page lives. A reload starts again from the suggestion.
const edits = new Map<string, DraftMessage>();

/** The member's edit of a draft (keyed by contact and template), with a setter; null goes back to the suggestion. */
export function useDraftEdit(key: string): [DraftMessage | undefined, (edit: DraftMessage | null) => void] {
  const [edit, setEdit] = useState(() => edits.get(key));
  const update = useCallback(
    (next: DraftMessage | null) => {
      if (next) edits.set(key, next);
      else edits.delete(key);
      setEdit(next ?? undefined);
    },
    [key],
  );
  return [edits.get(key) ?? edit, update];
}

/** Forgets every edit (tests). */
export function forgetDraftEdits(): void {
  edits.clear();
}
