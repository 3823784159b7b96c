import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { DIRECTIONS, type Direction, INTERACTION_KINDS, type Interaction, type InteractionKind } from "../api/types.ts";
import { DIRECTION_LABELS, KIND_LABELS } from "../interactions/interaction-queries.ts";
import { Alert, Button, Checkbox, Field } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { type InteractionPatch, useDeleteInteraction, useEditInteraction } from "./timeline-queries.ts";

/** An instant as a `datetime-local` value in the browser's zone (minutes: what the input shows). */
export function localDateTimeOf(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Only what changed is sent: an untouched time keeps its seconds, an untouched summary its exact text. */
function patchOf(
  item: Interaction,
  draft: { kind: InteractionKind; direction: Direction; when: string; summary: string; meaningful: boolean },
): InteractionPatch {
  const patch: InteractionPatch = {};
  if (draft.kind !== item.kind) patch.kind = draft.kind;
  if (draft.direction !== item.direction) patch.direction = draft.direction;
  if (draft.when !== localDateTimeOf(item.occurredAt)) patch.occurredAt = new Date(draft.when).toISOString();
  if (draft.summary.trim() !== item.summary) patch.summary = draft.summary.trim();
  if (draft.meaningful !== item.meaningful) patch.meaningful = draft.meaningful;
  return patch;
}

/** Change what was logged: how, which way, when, what about, and whether it was a real exchange. */
export function InteractionEditDialog(props: { item: Interaction; onClose: () => void }) {
  const { item } = props;
  const edit = useEditInteraction(item.id);
  const [kind, setKind] = useState<InteractionKind>(item.kind);
  const [direction, setDirection] = useState<Direction>(item.direction);
  const [when, setWhen] = useState(localDateTimeOf(item.occurredAt));
  const [summary, setSummary] = useState(item.summary);
  const [meaningful, setMeaningful] = useState(item.meaningful);

  const submit = async () => {
    const patch = patchOf(item, { kind, direction, when, summary, meaningful });
    if (Object.keys(patch).length === 0) return props.onClose();
    try {
      await edit.mutateAsync(patch);
      props.onClose();
    } catch {
      // shown below
    }
  };

  const err = edit.error instanceof ApiError ? edit.error : undefined;
  const placed = ["occurredAt", "summary"].some((k) => err?.fieldError(k));
  return (
    <Modal title="Edit this entry" isOpen onOpenChange={(open) => !open && props.onClose()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {edit.isError && !placed && <Alert>{describeError(edit.error)}</Alert>}
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
          isRequired
          error={err?.fieldError("occurredAt")}
        />
        <Field
          label="What about"
          name="summary"
          value={summary}
          onChange={setSummary}
          multiline
          rows={3}
          error={err?.fieldError("summary")}
          autoFocus
        />
        <Checkbox isSelected={meaningful} onChange={setMeaningful}>
          A real exchange (counts as a touch)
        </Checkbox>
        <div className="row end">
          <Button tone="quiet" onPress={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" isDisabled={edit.isPending}>
            {edit.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** Asks before deleting: an entry holds history the engine counts (last touch, progress). */
export function InteractionDeleteDialog(props: { item: Interaction; othersCount: number; onClose: () => void }) {
  const remove = useDeleteInteraction(props.item.id);
  return (
    <Modal title="Delete this entry?" isOpen onOpenChange={(open) => !open && props.onClose()}>
      <div className="stack">
        {remove.isError && <Alert>{describeError(remove.error)}</Alert>}
        <p>
          {KIND_LABELS[props.item.kind]} · {DIRECTION_LABELS[props.item.direction]}
          {props.item.summary && <>: “{props.item.summary}”</>}
        </p>
        <p className="muted">
          It will no longer count toward the last touch or the connection.
          {props.othersCount > 0 &&
            ` It was with ${props.othersCount} other ${props.othersCount === 1 ? "person" : "people"} too; it goes from their timelines as well.`}
        </p>
        <div className="row end">
          <Button tone="quiet" onPress={props.onClose} autoFocus>
            Keep it
          </Button>
          <Button
            tone="danger"
            isDisabled={remove.isPending}
            onPress={() => remove.mutate(undefined, { onSuccess: props.onClose })}
          >
            {remove.isPending ? "Deleting…" : "Delete"}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
