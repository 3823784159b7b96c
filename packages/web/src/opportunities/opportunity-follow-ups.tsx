import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate, relativeDays, todayOn } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";
import type { OpportunityDetail } from "./opportunity-types.ts";

function useFollowUpDone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: "done" | "skip" }) =>
      v.action === "done"
        ? unwrap(api.POST("/api/follow-ups/{id}/done", { params: { path: { id: v.id } }, body: {} }))
        : unwrap(api.POST("/api/follow-ups/{id}/skip", { params: { path: { id: v.id } } })),
    onSuccess: () => {
      for (const key of [["opportunities"], ["follow-ups"], ["today"]])
        void client.invalidateQueries({ queryKey: key });
    },
  });
}

/** The follow-ups tied to this opportunity (the thank-yous and checks the stages made, and any added by hand). */
export function OpportunityFollowUps({ opportunity: o }: { opportunity: OpportunityDetail }) {
  const canEdit = useCanEdit();
  const action = useFollowUpDone();
  const names = new Map(o.contacts.map((c) => [c.contactId, c.displayName]));
  const open = o.followUps.filter((f) => f.status === "open" || f.status === "snoozed");
  const closed = o.followUps.filter((f) => f.status === "done" || f.status === "skipped");
  const today = todayOn();
  return (
    <Section title="Follow-ups" id="opportunity-follow-ups">
      {open.length === 0 && <p className="muted">Nothing planned. Moving a stage or holding an interview adds them.</p>}
      <ul className="plain-list" aria-label="Follow-ups for this opportunity">
        {[...open, ...closed].map((f) => {
          const on = f.snoozedUntilOn ?? f.dueOn;
          const isOpen = f.status === "open" || f.status === "snoozed";
          return (
            <li key={f.id} className={`follow-up follow-up-${f.status}`}>
              <div>
                <div className="strong">{f.title}</div>
                <div className={`small ${isOpen && on < today ? "warn" : "muted"}`}>
                  {names.has(f.contactId) && (
                    <>
                      <Link href={`/contacts/${f.contactId}`}>{names.get(f.contactId)}</Link>
                      {" · "}
                    </>
                  )}
                  {isOpen ? `due ${relativeDays(on)}` : `${f.status} · was due ${formatDate(f.dueOn)}`}
                </div>
              </div>
              {canEdit && isOpen && (
                <div className="row">
                  <Button
                    tone="quiet"
                    aria-label={`Done: ${f.title}`}
                    onPress={() => action.mutate({ id: f.id, action: "done" })}
                  >
                    Done
                  </Button>
                  <Button
                    tone="quiet"
                    aria-label={`Skip: ${f.title}`}
                    onPress={() => action.mutate({ id: f.id, action: "skip" })}
                  >
                    Skip
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {action.isError && <Alert>{describeError(action.error)}</Alert>}
    </Section>
  );
}
