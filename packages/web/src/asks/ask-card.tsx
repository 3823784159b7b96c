import { useState } from "react";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate, relativeDays } from "../ui/format.ts";
import { ASK_STATUS_LABELS, askMoves, canAddName, moveLabel } from "./ask-moves.ts";
import { useMoveAsk } from "./ask-queries.ts";
import type { Ask } from "./ask-types.ts";
import { askAbout } from "./ask-words.ts";
import { MetForm } from "./met-form.tsx";
import { AddNameForm } from "./name-form.tsx";

/** One ask on the board: whom, about what, the names received, what Kith will remind you of, and its moves. */
export function AskCard({ ask, canEdit }: { ask: Ask; canEdit: boolean }) {
  const move = useMoveAsk(ask.id);
  const [form, setForm] = useState<"name" | "met" | null>(null);
  const reminders = ask.followUps.filter((f) => f.status === "open" || f.status === "snoozed");
  const label = `Ask to ${ask.contactName} about ${askAbout(ask.about)}`;
  return (
    <li className="ask-card" aria-label={label}>
      <div>
        <Link href={`/contacts/${ask.contactId}`} className="strong">
          {ask.contactName}
        </Link>
        <span className="muted"> · about </span>
        {ask.about.companyId ? (
          <Link href={`/companies/${ask.about.companyId}`}>{askAbout(ask.about)}</Link>
        ) : (
          <span>{askAbout(ask.about)}</span>
        )}
      </div>
      <div className="muted small">
        asked {relativeDays(ask.askedAt)}
        {ask.status !== "asked" &&
          ` · ${ASK_STATUS_LABELS[ask.status].toLowerCase()} ${relativeDays(ask.statusChangedAt)}`}
      </div>
      {ask.note && <p className="small">{ask.note}</p>}
      {ask.names.length > 0 && (
        <ul className="plain-list ask-names" aria-label={`Names ${ask.contactName} gave`}>
          {ask.names.map((n) => (
            <li key={n.contactId}>
              <span className="muted small">Named: </span>
              <Link href={`/contacts/${n.contactId}`}>{n.displayName}</Link>
            </li>
          ))}
        </ul>
      )}
      {reminders.length > 0 && (
        <ul className="plain-list small" aria-label="Follow-ups of this ask">
          {reminders.map((f) => (
            <li key={f.id}>
              {f.title} <span className="muted">· due {formatDate(f.dueOn)}</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && !form && (
        <div className="row ask-moves">
          {canAddName(ask.status) && (
            <Button tone="quiet" onPress={() => setForm("name")} aria-label={`Add a name ${ask.contactName} gave`}>
              Add a name
            </Button>
          )}
          {askMoves(ask.status).map((to) => (
            <Button
              key={to}
              tone="quiet"
              isDisabled={move.isPending}
              // Met with names received: the form offers to log the meeting with them in the same act.
              onPress={() => (to === "met" && ask.names.length > 0 ? setForm("met") : move.mutate({ status: to }))}
              aria-label={`${moveLabel(to)}: ${label}`}
            >
              {moveLabel(to)}
            </Button>
          ))}
        </div>
      )}
      {form === "name" && <AddNameForm ask={ask} onDone={() => setForm(null)} />}
      {form === "met" && <MetForm ask={ask} onDone={() => setForm(null)} />}
      {move.isError && <Alert>{describeError(move.error)}</Alert>}
    </li>
  );
}
