import { useEffect, useId, useRef, useState } from "react";
import { describeError } from "../api/problem.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { type DraftMessage, useDraftEdit } from "./draft-edits.ts";
import type { Draft } from "./draft-types.ts";
import { mailtoHref } from "./mailto.ts";

export interface DraftPanelProps {
  draft: Draft;
  contact: { id: string; displayName: string; email: string | null };
  /** The member may act (a viewer only reads the draft). */
  canEdit: boolean;
  /** The member has their own SMTP account: Send is offered. */
  canSend: boolean;
  /** Sends through the member's SMTP account (after the undo window). */
  onSend?: (message: DraftMessage) => Promise<unknown>;
  /** "Did you send it?" → yes: logs the message the member sent by themselves. */
  onSent: (message: DraftMessage & { channel: "email" | "message" }) => Promise<unknown>;
  /** How long Send waits, with an Undo, before it sends (tests pass 0). */
  sendDelayMs?: number;
  /** Shown whole rather than collapsed to a few lines (the contact page's draft). */
  expanded?: boolean;
}

type Asking = { channel: "email" | "message" } | null;

/**
 * One draft and what to do with it: read it (collapsed to a few lines until "Show draft"), edit it in place, copy
 * it, open it in the mail app, or send it through the member's own SMTP account. After a copy or a mail-app hand-off
 * Kith cannot know whether it went out, so it asks; a yes logs the touch.
 */
export function DraftPanel(props: DraftPanelProps) {
  const { draft, contact } = props;
  const [edit, setEdit] = useDraftEdit(`${contact.id}:${draft.templateId ?? draft.templateName}`);
  const message = edit ?? { subject: draft.subject, body: draft.body };
  const [open, setOpen] = useState(props.expanded ?? false);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pendingSend, setPendingSend] = useState(false);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The send waiting out its undo window, run at once if the card goes away before (the member left the page). */
  const pending = useRef<(() => void) | null>(null);
  const bodyId = useId();
  const name = contact.displayName;

  useEffect(
    () => () => {
      clearTimer(timer);
      pending.current?.();
    },
    [],
  );

  const copy = async () => {
    setError(null);
    try {
      // The body alone: it is pasted into a message or under a subject the member types (or sees above).
      await navigator.clipboard.writeText(message.body);
      setStatus("Copied.");
      setAsking({ channel: draft.channel === "email" ? "email" : "message" });
    } catch {
      setOpen(true);
      setError("Kith could not copy: select the text and copy it yourself.");
    }
  };
  const answer = async (sent: boolean) => {
    const channel = asking?.channel ?? "email";
    setAsking(null);
    if (!sent) return setStatus(null);
    await act(() => props.onSent({ ...message, channel }), `Logged as sent to ${name}.`);
  };
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      setStatus(done);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const send = () => {
    const onSend = props.onSend;
    if (!onSend) return;
    setPendingSend(true);
    setStatus(`Sending to ${name}…`);
    const toSend = message;
    pending.current = () => void onSend(toSend).catch(() => {});
    timer.current = setTimeout(() => {
      timer.current = null;
      pending.current = null;
      setPendingSend(false);
      void act(() => onSend(toSend), `Sent to ${name}.`);
    }, props.sendDelayMs ?? 5000);
  };
  const undoSend = () => {
    clearTimer(timer);
    pending.current = null;
    setPendingSend(false);
    setStatus("Not sent.");
  };

  return (
    <fieldset className="draft" aria-label={`Draft for ${name}`}>
      <legend className="draft-label muted small">Draft · {draft.templateName}</legend>
      {editing ? (
        <DraftEditor
          name={name}
          message={message}
          onDone={(next) => {
            setEdit(next.subject === draft.subject && next.body === draft.body ? null : next);
            setEditing(false);
          }}
          onReset={() => {
            setEdit(null);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <p className="draft-subject">{message.subject}</p>
          <p id={bodyId} className={open ? "draft-body" : "draft-body draft-collapsed"}>
            {message.body}
          </p>
          {!props.expanded && (
            <Button
              tone="quiet"
              className="draft-toggle"
              aria-expanded={open}
              aria-controls={bodyId}
              onPress={() => setOpen(!open)}
            >
              {open ? "Hide draft" : "Show draft"}
            </Button>
          )}
        </>
      )}
      {props.canEdit && !editing && (
        <div className="row draft-actions">
          <Button onPress={() => setEditing(true)} aria-label={`Edit the draft for ${name}`}>
            Edit
          </Button>
          <Button onPress={copy} aria-label={`Copy the draft for ${name}`}>
            Copy
          </Button>
          <a
            className="btn btn-plain"
            href={mailtoHref({ to: contact.email, ...message })}
            onClick={() => setAsking({ channel: "email" })}
            // Not named for the person like the buttons: a link named "… Rosa Diaz …" would read as a second link
            // to her among the page's links; the group around it says whose draft it is.
            aria-label="Open this draft in your mail app"
          >
            Open in mail app
          </a>
          {props.canSend && contact.email && props.onSend && (
            <Button
              tone="primary"
              onPress={send}
              isDisabled={pendingSend || busy}
              aria-label={`Send the draft to ${name}`}
            >
              Send
            </Button>
          )}
        </div>
      )}
      {asking && <DidYouSend name={name} busy={busy} onAnswer={answer} />}
      {status && !asking && (
        <div className="row draft-status" role="status">
          <span>{status}</span>
          {pendingSend && (
            <Button tone="quiet" onPress={undoSend} aria-label={`Undo: do not send to ${name}`}>
              Undo
            </Button>
          )}
        </div>
      )}
      {error && <Alert>{error}</Alert>}
    </fieldset>
  );
}

function clearTimer(timer: { current: ReturnType<typeof setTimeout> | null }) {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}

function DidYouSend(props: { name: string; busy: boolean; onAnswer: (sent: boolean) => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  // The question appears after the member left for the clipboard or the mail app: their way back lands on it.
  useEffect(() => yes.current?.focus(), []);
  return (
    <fieldset className="row draft-ask" aria-label={`Did you send it to ${props.name}?`}>
      <span>Did you send it?</span>
      <Button ref={yes} tone="primary" isDisabled={props.busy} onPress={() => props.onAnswer(true)}>
        Yes, log it
      </Button>
      <Button tone="quiet" onPress={() => props.onAnswer(false)}>
        No
      </Button>
    </fieldset>
  );
}

function DraftEditor(props: {
  name: string;
  message: DraftMessage;
  onDone: (message: DraftMessage) => void;
  onReset: () => void;
}) {
  const [subject, setSubject] = useState(props.message.subject);
  const [body, setBody] = useState(props.message.body);
  const subjectError = subject.trim() ? undefined : "A subject is needed.";
  return (
    <div className="stack draft-editor">
      <Field label="Subject" name="subject" value={subject} onChange={setSubject} error={subjectError} />
      <Field label="Message" name="body" value={body} onChange={setBody} multiline rows={8} />
      <div className="row">
        <Button
          tone="primary"
          isDisabled={Boolean(subjectError)}
          onPress={() => props.onDone({ subject: subject.replace(/[\r\n]+/g, " ").trim(), body })}
          aria-label={`Keep this draft for ${props.name}`}
        >
          Keep
        </Button>
        <Button tone="quiet" onPress={props.onReset}>
          Back to the suggestion
        </Button>
      </div>
    </div>
  );
}
