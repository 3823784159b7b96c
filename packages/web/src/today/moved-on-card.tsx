import { Link } from "wouter";
import type { TodayList } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Button } from "../ui/controls.tsx";

/**
 * The people Kith moved to occasions-only by itself this past week (a move-on suggestion that stood ignored for a
 * week), each with its reason and an Undo that brings back the previous circle.
 */
export function MovedOnCard(props: { movedOn: TodayList["movedOn"]; onUndo: (contactId: string) => void }) {
  const canEdit = useCanEdit();
  if (props.movedOn.length === 0) return null;
  return (
    <section className="card" aria-labelledby="moved-on-heading">
      <h2 id="moved-on-heading">Moved on by Kith</h2>
      <p className="muted small">No reply after several messages: they now come up only for occasions.</p>
      <ul className="plain-list">
        {props.movedOn.map((m) => (
          <li key={m.contactId} className="follow-up">
            <div>
              <Link href={`/contacts/${m.contactId}`} className="strong">
                {m.displayName}
              </Link>
              <div className="muted small">{m.note}</div>
            </div>
            {canEdit && (
              <Button tone="quiet" onPress={() => props.onUndo(m.contactId)} aria-label={`Undo: keep ${m.displayName}`}>
                Undo
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
