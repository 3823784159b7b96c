import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { DIRECTIONS, type Direction, INTERACTION_KINDS, type InteractionKind } from "../api/types.ts";
import { closeQuickLog, useQuickLog } from "../app/quick-log.ts";
import { Alert, Button, Checkbox, Field } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { ContactPicker } from "./contact-picker.tsx";
import { DIRECTION_LABELS, KIND_LABELS, useLogInteraction } from "./interaction-queries.ts";

/** Kinds that are rarely a real exchange; the server decides the default, the user can say otherwise. */
const NOT_MEANINGFUL_BY_DEFAULT: InteractionKind[] = ["social"];

function localDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Log what happened in a few keystrokes: who, how, which way, a line about it. */
export default function QuickLogDialog() {
  const state = useQuickLog();
  const log = useLogInteraction();
  const [contact, setContact] = useState(
    state.contactId ? { id: state.contactId, displayName: state.contactName ?? "" } : null,
  );
  const [kind, setKind] = useState<InteractionKind>("email");
  const [direction, setDirection] = useState<Direction>("outbound");
  const [when, setWhen] = useState(localDateTimeValue(new Date()));
  const [summary, setSummary] = useState("");
  const [meaningful, setMeaningful] = useState<boolean | null>(null);
  const [missingContact, setMissingContact] = useState(false);

  const submit = async () => {
    if (!contact) {
      setMissingContact(true);
      return;
    }
    try {
      await log.mutateAsync({
        contactIds: [contact.id],
        kind,
        direction,
        occurredAt: new Date(when).toISOString(),
        summary: summary.trim(),
        ...(meaningful === null ? {} : { meaningful }),
      });
      closeQuickLog();
    } catch {
      // shown below
    }
  };

  const err = log.error instanceof ApiError ? log.error : undefined;
  const isMeaningful = meaningful ?? !NOT_MEANINGFUL_BY_DEFAULT.includes(kind);
  return (
    <Modal title="Log an interaction" isOpen={state.open} onOpenChange={(open) => !open && closeQuickLog()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {log.isError && !err?.fieldError("summary") && <Alert>{describeError(log.error)}</Alert>}
        <ContactPicker
          selected={contact}
          onSelect={(c) => {
            setContact(c);
            setMissingContact(false);
          }}
          error={missingContact ? "Choose whom this was with." : err?.fieldError("contactIds")}
          autoFocus={!state.contactId}
        />
        <Segmented label="How" value={kind} options={INTERACTION_KINDS} labels={KIND_LABELS} onChange={setKind} />
        <Segmented
          label="Who started it"
          value={direction}
          options={DIRECTIONS}
          labels={DIRECTION_LABELS}
          onChange={setDirection}
        />
        <Field
          label="When"
          name="occurredAt"
          type="datetime-local"
          value={when}
          onChange={setWhen}
          error={err?.fieldError("occurredAt")}
        />
        <Field
          label="What about"
          name="summary"
          value={summary}
          onChange={setSummary}
          multiline
          rows={3}
          placeholder="Talked about her new studio; she asked about Lisbon."
          error={err?.fieldError("summary")}
          autoFocus={Boolean(state.contactId)}
        />
        <Checkbox isSelected={isMeaningful} onChange={setMeaningful}>
          A real exchange (counts as a touch)
        </Checkbox>
        <div className="row end">
          <Button tone="quiet" onPress={closeQuickLog}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" isDisabled={log.isPending}>
            {log.isPending ? "Logging…" : "Log it"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
