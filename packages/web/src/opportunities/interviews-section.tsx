import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { addDaysOn } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";
import { formatInZone, instantOf, wallClockAt } from "../ui/zoned-time.ts";
import { useInterviews } from "./opportunity-queries.ts";
import type { FollowUpEffects, Interview, InterviewKind, OpportunityDetail } from "./opportunity-types.ts";
import { KIND_LABELS } from "./stages.ts";

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as InterviewKind[]).map((k) => ({ id: k, label: KIND_LABELS[k] }));

/**
 * The opportunity's interviews: scheduled with a date and time on the account's clock, marked held (which creates
 * a thank-you to each interviewer, said on the page), or removed.
 */
export function InterviewsSection(props: {
  opportunity: OpportunityDetail;
  timeZone: string;
  onHeld: (answer: Pick<FollowUpEffects, "created" | "closed">) => void;
}) {
  const { opportunity: o, timeZone } = props;
  const canEdit = useCanEdit();
  const actions = useInterviews(o.id);
  const [scheduling, setScheduling] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const names = new Map(o.contacts.map((c) => [c.contactId, c.displayName]));
  return (
    <Section
      title="Interviews"
      actions={
        canEdit &&
        !scheduling && (
          <Button tone="quiet" onPress={() => setScheduling(true)}>
            Schedule an interview
          </Button>
        )
      }
    >
      {scheduling && <ScheduleInterview o={o} timeZone={timeZone} onDone={() => setScheduling(false)} />}
      {o.interviews.length === 0 && !scheduling && <p className="muted">No interview yet.</p>}
      <ul className="plain-list" aria-label="Interviews">
        {o.interviews.map((i) => (
          <li key={i.id} className="follow-up">
            <div>
              <div className="strong">
                {KIND_LABELS[i.kind]} · {formatInZone(i.startsAt, timeZone, true)}
              </div>
              <div className="muted small">
                {i.contactIds.length > 0 && (
                  <>
                    with{" "}
                    {i.contactIds.map((id, n) => (
                      <span key={id}>
                        {n > 0 && ", "}
                        <PersonName id={id} names={names} />
                      </span>
                    ))}
                  </>
                )}
                {i.contactIds.length > 0 && (i.heldAt || i.notes) && " · "}
                {[i.heldAt ? "held" : null, i.notes || null].filter(Boolean).join(" · ")}
              </div>
            </div>
            {canEdit && (
              <div className="row">
                {!i.heldAt && (
                  <Button
                    tone="quiet"
                    isDisabled={actions.held.isPending}
                    onPress={() => actions.held.mutate(i.id, { onSuccess: (answer) => props.onHeld(answer) })}
                    aria-label={`Mark the ${KIND_LABELS[i.kind].toLowerCase()} interview held`}
                  >
                    Mark held
                  </Button>
                )}
                {!i.heldAt && (
                  <Button
                    tone="quiet"
                    aria-expanded={editing === i.id}
                    onPress={() => setEditing(editing === i.id ? null : i.id)}
                    aria-label={`Change the ${KIND_LABELS[i.kind].toLowerCase()} interview`}
                  >
                    Change
                  </Button>
                )}
                <Button
                  tone="quiet"
                  isDisabled={actions.remove.isPending}
                  onPress={() => actions.remove.mutate(i.id)}
                  aria-label={`Remove the ${KIND_LABELS[i.kind].toLowerCase()} interview`}
                >
                  Remove
                </Button>
              </div>
            )}
            {editing === i.id && (
              <ScheduleInterview o={o} timeZone={timeZone} interview={i} onDone={() => setEditing(null)} />
            )}
          </li>
        ))}
      </ul>
      {actions.held.isError && <Alert>{describeError(actions.held.error)}</Alert>}
      {actions.remove.isError && <Alert>{describeError(actions.remove.error)}</Alert>}
    </Section>
  );
}

/** A person of an interview: named from the opportunity's people, else from their contact (someone added here). */
function PersonName(props: { id: string; names: ReadonlyMap<string, string> }) {
  const known = props.names.get(props.id);
  const contact = useQuery({
    queryKey: ["contacts", "one", props.id],
    queryFn: () => unwrap(api.GET("/api/contacts/{id}", { params: { path: { id: props.id } } })),
    enabled: !known,
  });
  return <>{known ?? contact.data?.displayName ?? "…"}</>;
}

/** Schedules an interview, or changes one (its day, time, kind, people or notes). */
function ScheduleInterview(props: {
  o: OpportunityDetail;
  timeZone: string;
  interview?: Interview;
  onDone: () => void;
}) {
  const actions = useInterviews(props.o.id);
  const schedule = props.interview ? actions.update : actions.schedule;
  const was = props.interview ? wallClockAt(props.interview.startsAt, props.timeZone) : null;
  const tomorrow = addDaysOn(wallClockAt(new Date(), props.timeZone).on, 1);
  const [on, setOnRaw] = useState(was?.on ?? tomorrow);
  const [time, setTimeRaw] = useState(was?.time ?? "10:00");
  const [kind, setKind] = useState<InterviewKind>(props.interview?.kind ?? "video");
  const [notes, setNotesRaw] = useState(props.interview?.notes ?? "");
  // A field shown invalid blocks the form's submit (react-aria sets its validity): a change clears the old word.
  const cleared =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      if (schedule.isError) schedule.reset();
    };
  const [setOn, setTime, setNotes] = [cleared(setOnRaw), cleared(setTimeRaw), cleared(setNotesRaw)];
  // The interviewers: those already on the opportunity as interviewers, and anyone added here.
  const names = new Map(props.o.contacts.map((c) => [c.contactId, c.displayName]));
  const [people, setPeople] = useState<{ id: string; displayName: string }[]>(
    props.interview
      ? props.interview.contactIds.map((id) => ({ id, displayName: names.get(id) ?? "" }))
      : props.o.contacts
          .filter((c) => c.role === "interviewer")
          .map((c) => ({ id: c.contactId, displayName: c.displayName })),
  );
  const error = schedule.error instanceof ApiError ? schedule.error : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      startsAt: instantOf(on, time, props.timeZone),
      timeZone: props.timeZone,
      kind,
      contactIds: people.map((p) => p.id),
      ...(notes.trim() || props.interview ? { notes } : {}),
    };
    if (props.interview) actions.update.mutate({ interviewId: props.interview.id, body }, { onSuccess: props.onDone });
    else actions.schedule.mutate(body, { onSuccess: props.onDone });
  };
  const placed = ["startsAt", "kind", "contactIds", "notes"].some((f) => error?.fieldError(f));
  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      aria-label={props.interview ? "Change the interview" : "Schedule an interview"}
    >
      <div className="grid-3">
        <Field
          label="Date"
          name="on"
          type="date"
          value={on}
          onChange={setOn}
          isRequired
          error={error?.fieldError("startsAt")}
        />
        <Field
          label="Time"
          name="time"
          type="time"
          value={time}
          onChange={setTime}
          isRequired
          description={props.timeZone.replaceAll("_", " ")}
        />
        <NativeSelect
          label="Kind"
          name="kind"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(k) => setKind(k as InterviewKind)}
        />
      </div>
      <fieldset className="rows-field">
        <legend>Interviewers</legend>
        {people.length > 0 && (
          <ul className="chips" aria-label="Interviewers">
            {people.map((p) => (
              <li key={p.id} className="chip">
                {p.displayName || <PersonName id={p.id} names={names} />}
                <Button
                  tone="quiet"
                  className="chip-remove"
                  aria-label={`Remove ${p.displayName} from the interviewers`}
                  onPress={() => setPeople(people.filter((x) => x.id !== p.id))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        <ContactPicker
          key={people.length}
          label="Add an interviewer"
          isRequired={false}
          selected={null}
          onSelect={(c) => c && !people.some((p) => p.id === c.id) && setPeople([...people, c])}
          error={error?.fieldError("contactIds")}
        />
      </fieldset>
      <Field
        label="Notes"
        name="notes"
        value={notes}
        onChange={setNotes}
        multiline
        rows={2}
        error={error?.fieldError("notes")}
      />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={schedule.isPending}>
          {props.interview ? "Save" : "Schedule"}
        </Button>
        <Button tone="quiet" onPress={props.onDone}>
          Cancel
        </Button>
      </div>
      {schedule.isError && !placed && <Alert>{describeError(schedule.error)}</Alert>}
    </form>
  );
}
