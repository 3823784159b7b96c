import { useState } from "react";
import { describeError } from "../api/problem.ts";
import type { Interaction } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { DIRECTION_LABELS, KIND_LABELS, useTimeline } from "../interactions/interaction-queries.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDateTime, relativeDays } from "../ui/format.ts";
import { Loading, Section } from "../ui/page.tsx";
import { InteractionDeleteDialog, InteractionEditDialog } from "./interaction-edit-dialog.tsx";

/** Where an entry came from, in words: the member can tell what they typed from what Kith captured. */
export const SOURCE_WORDS: Record<Interaction["source"], string> = {
  manual: "logged by hand",
  import: "from an import",
  mailbox: "from your mailbox",
  calendar: "from your calendar",
  api: "logged through the API",
};

/**
 * Everything that happened with this person, newest first, each with where it came from (by hand, an import, the
 * mailbox, the calendar …); each entry can be corrected or deleted.
 */
export function TimelineSection({ contactId }: { contactId: string }) {
  const timeline = useTimeline(contactId);
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState<Interaction | null>(null);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Timeline">
      {timeline.isPending && <Loading />}
      {timeline.isError && <Alert>{describeError(timeline.error)}</Alert>}
      {timeline.isSuccess && items.length === 0 && (
        <p className="muted">Nothing logged yet. Press L to log a call, an email or a coffee.</p>
      )}
      <ol className="timeline">
        {items.map((item) => {
          const what = `${KIND_LABELS[item.kind]} ${relativeDays(item.occurredAt)}`;
          return (
            <li key={item.id} className={item.meaningful ? "touch" : "not-touch"}>
              <div className="timeline-head">
                <span className="strong">
                  {KIND_LABELS[item.kind]} · {DIRECTION_LABELS[item.direction]}
                </span>
                <time dateTime={item.occurredAt} title={formatDateTime(item.occurredAt)} className="muted small">
                  {relativeDays(item.occurredAt)}
                </time>
              </div>
              {item.summary && <p className="timeline-summary">{item.summary}</p>}
              <p className="small muted timeline-source">
                {SOURCE_WORDS[item.source]}
                {!item.meaningful && " · not counted as a touch"}
              </p>
              {canEdit && (
                <div className="row timeline-actions">
                  <Button tone="quiet" aria-label={`Edit ${what}`} onPress={() => setEditing(item)}>
                    Edit
                  </Button>
                  <Button tone="quiet" aria-label={`Delete ${what}`} onPress={() => setDeleting(item)}>
                    Delete
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {timeline.hasNextPage && (
        <Button tone="quiet" onPress={() => void timeline.fetchNextPage()} isDisabled={timeline.isFetchingNextPage}>
          Show older
        </Button>
      )}
      {editing && <InteractionEditDialog item={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <InteractionDeleteDialog
          item={deleting}
          othersCount={deleting.contactIds.filter((id) => id !== contactId).length}
          onClose={() => setDeleting(null)}
        />
      )}
    </Section>
  );
}
