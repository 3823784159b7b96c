import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import type { Contact, FollowUp } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { addDaysOn, formatDate, relativeDays, todayOn } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";

function useFollowUps(contactId: string) {
  return useQuery({
    queryKey: ["follow-ups", contactId],
    queryFn: () => unwrap(api.GET("/api/follow-ups", { params: { query: { contactId, limit: 200 } } })),
  });
}

function useFollowUpAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      action,
      untilOn,
    }: {
      id: string;
      action: "done" | "skip" | "reopen" | "snooze";
      /** With "snooze": the date it comes back; without, in a week. */
      untilOn?: string;
    }) => {
      const path = { params: { path: { id } } };
      if (action === "done") return unwrap(api.POST("/api/follow-ups/{id}/done", { ...path, body: {} }));
      if (action === "skip") return unwrap(api.POST("/api/follow-ups/{id}/skip", path));
      if (action === "reopen") return unwrap(api.POST("/api/follow-ups/{id}/reopen", path));
      return unwrap(api.POST("/api/follow-ups/{id}/snooze", { ...path, body: untilOn ? { untilOn } : { days: 7 } }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["follow-ups"] });
      void client.invalidateQueries({ queryKey: ["today"] });
    },
  });
}

export function FollowUpsSection({ contact }: { contact: Contact }) {
  const list = useFollowUps(contact.id);
  const action = useFollowUpAction();
  const canEdit = useCanEdit();
  const [adding, setAdding] = useState(false);
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const open = items.filter((f) => f.status === "open" || f.status === "snoozed");
  const closed = items.filter((f) => f.status === "done" || f.status === "skipped").slice(0, 5);

  return (
    <Section
      title="Follow-ups"
      actions={
        canEdit &&
        !adding && (
          <Button tone="quiet" onPress={() => setAdding(true)}>
            Add follow-up
          </Button>
        )
      }
    >
      {list.isError && <Alert>{describeError(list.error)}</Alert>}
      {action.isError && !snoozing && <Alert>{describeError(action.error)}</Alert>}
      {adding && <AddFollowUp contactId={contact.id} onDone={() => setAdding(false)} />}
      {list.isSuccess && open.length === 0 && !adding && (
        <p className="muted">Nothing planned with {contact.firstName}.</p>
      )}
      <ul className="plain-list">
        {open.map((f) => (
          <FollowUpRow key={f.id} followUp={f}>
            {canEdit && (
              <div className="row">
                <Button tone="quiet" onPress={() => action.mutate({ id: f.id, action: "done" })}>
                  Done
                </Button>
                <Button tone="quiet" onPress={() => action.mutate({ id: f.id, action: "snooze" })}>
                  Snooze a week
                </Button>
                <Button
                  tone="quiet"
                  aria-expanded={snoozing === f.id}
                  onPress={() => {
                    action.reset();
                    setSnoozing(snoozing === f.id ? null : f.id);
                  }}
                >
                  Snooze until…
                </Button>
                <Button tone="quiet" onPress={() => action.mutate({ id: f.id, action: "skip" })}>
                  Skip
                </Button>
              </div>
            )}
            {snoozing === f.id && (
              <SnoozeUntil
                followUp={f}
                pending={action.isPending}
                error={action.error}
                onSnooze={(untilOn) =>
                  action.mutate({ id: f.id, action: "snooze", untilOn }, { onSuccess: () => setSnoozing(null) })
                }
                onCancel={() => setSnoozing(null)}
              />
            )}
          </FollowUpRow>
        ))}
        {closed.map((f) => (
          <FollowUpRow key={f.id} followUp={f}>
            {canEdit && (
              <Button tone="quiet" onPress={() => action.mutate({ id: f.id, action: "reopen" })}>
                Reopen
              </Button>
            )}
          </FollowUpRow>
        ))}
      </ul>
    </Section>
  );
}

function FollowUpRow({ followUp, children }: { followUp: FollowUp; children: ReactNode }) {
  const overdue = followUp.status === "open" && followUp.dueOn < todayOn();
  return (
    <li className={`follow-up follow-up-${followUp.status}`}>
      <div>
        <div className="strong">{followUp.title}</div>
        <div className={`small ${overdue ? "warn" : "muted"}`}>
          {followUp.status === "done" || followUp.status === "skipped"
            ? `${followUp.status} · was due ${formatDate(followUp.dueOn)}`
            : `due ${relativeDays(followUp.snoozedUntilOn ?? followUp.dueOn)}`}
          {followUp.status === "snoozed" &&
            followUp.snoozedUntilOn &&
            ` (snoozed until ${formatDate(followUp.snoozedUntilOn)})`}
        </div>
      </div>
      {children}
    </li>
  );
}

/** Snooze to a chosen day (a date picker), not only by a week: "after the conference", "when she's back". */
function SnoozeUntil(props: {
  followUp: FollowUp;
  pending: boolean;
  error: Error | null;
  onSnooze: (untilOn: string) => void;
  onCancel: () => void;
}) {
  const tomorrow = addDaysOn(todayOn(), 1);
  const [untilOn, setUntilOn] = useState(addDaysOn(todayOn(), 14));
  const err = props.error instanceof ApiError ? props.error : undefined;
  const fieldError = err?.fieldError("untilOn");
  return (
    <form
      className="inline-form snooze-form"
      aria-label={`Snooze “${props.followUp.title}” until a date`}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSnooze(untilOn);
      }}
    >
      <Field
        label="Until"
        name="untilOn"
        type="date"
        min={tomorrow}
        value={untilOn}
        onChange={setUntilOn}
        isRequired
        autoFocus
        error={fieldError}
      />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={props.pending}>
          Snooze
        </Button>
        <Button tone="quiet" onPress={props.onCancel}>
          Cancel
        </Button>
      </div>
      {props.error && !fieldError && <Alert>{describeError(props.error)}</Alert>}
    </form>
  );
}

function AddFollowUp({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const client = useQueryClient();
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState(addDaysOn(todayOn(), 7));
  const add = useMutation({
    mutationFn: () => unwrap(api.POST("/api/follow-ups", { body: { contactId, title, dueOn } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["follow-ups"] });
      void client.invalidateQueries({ queryKey: ["today"] });
      onDone();
    },
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Field
        label="What"
        name="title"
        value={title}
        onChange={setTitle}
        isRequired
        autoFocus
        error={err?.fieldError("title")}
      />
      <Field
        label="When"
        name="dueOn"
        type="date"
        value={dueOn}
        onChange={setDueOn}
        isRequired
        error={err?.fieldError("dueOn")}
      />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={add.isPending || !title.trim()}>
          Add
        </Button>
        <Button tone="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
      {add.isError && !err?.fieldError("title") && !err?.fieldError("dueOn") && (
        <Alert>{describeError(add.error)}</Alert>
      )}
    </form>
  );
}
