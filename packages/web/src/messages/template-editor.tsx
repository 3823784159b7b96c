import { useEffect, useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, Checkbox, Field, NativeSelect } from "../ui/controls.tsx";
import { Section } from "../ui/page.tsx";
import { CHANNEL_LABELS, SLOTS, slotLabel } from "./template-labels.ts";
import { useChangeTemplate, useTemplatePreview } from "./template-queries.ts";
import type { Template, TemplateInput } from "./template-types.ts";

const CHANNELS = Object.entries(CHANNEL_LABELS).map(([id, label]) => ({ id, label }));
const EMPTY: TemplateInput = {
  name: "",
  channel: "any",
  slots: [],
  subject: "",
  body: "Hi {{ contact.firstName }},\n\n",
};

/** The value after it stopped changing for `ms`: the preview follows the text without a request per keystroke. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One template's fields, its live preview for a chosen contact, and save / delete / restore. */
export function TemplateEditor(props: {
  template: Template | null;
  canEdit: boolean;
  onDone: (id: string | null) => void;
}) {
  const { template, canEdit } = props;
  const [form, setForm] = useState<TemplateInput>(
    template
      ? {
          name: template.name,
          channel: template.channel,
          slots: template.slots,
          subject: template.subject,
          body: template.body,
        }
      : EMPTY,
  );
  const [contact, setContact] = useState<{ id: string; displayName: string } | null>(null);
  const change = useChangeTemplate();
  const set =
    <K extends keyof TemplateInput>(key: K) =>
    (value: TemplateInput[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      // A refused field stays named until the text changes; then the form may be sent again.
      if (change.isError) change.reset();
    };
  const settled = useSettled({ subject: form.subject, body: form.body, contactId: contact?.id ?? null }, 300);
  const preview = useTemplatePreview(settled);
  const saveError = change.error instanceof ApiError ? change.error : null;
  const previewError = preview.error instanceof ApiError ? preview.error : null;
  const fieldError = (field: string) => saveError?.fieldError(field) ?? previewError?.fieldError(field);

  // Chosen from the list (on a phone, far above): the editor's heading takes focus, so it scrolls into view and a
  // screen reader lands on the template's name.
  useEffect(() => {
    const heading = document.getElementById("template-editor-heading");
    heading?.setAttribute("tabindex", "-1");
    heading?.focus();
  }, []);

  const save = () =>
    change.mutate(template ? { type: "update", id: template.id, input: form } : { type: "create", input: form }, {
      onSuccess: (saved) => props.onDone(saved?.id ?? null),
    });
  const title = template ? template.name : "New template";

  return (
    <Section title={title} id="template-editor">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {template?.isDefault && (
          <p className="muted small">
            One of Kith's defaults{template.customized ? ", edited by you" : ""}
            {template.hidden ? "; deleted: Kith does not suggest it until you restore it" : ""}.
          </p>
        )}
        <Field
          label="Name"
          name="name"
          value={form.name}
          onChange={set("name")}
          error={fieldError("name")}
          isRequired
        />
        <NativeSelect
          label="Channel"
          name="channel"
          options={CHANNELS}
          value={form.channel}
          onChange={(v) => set("channel")(v as TemplateInput["channel"])}
          error={fieldError("channel")}
          isDisabled={!canEdit}
        />
        <fieldset className="check-grid" disabled={!canEdit}>
          <legend className="strong">Fits these reasons</legend>
          {SLOTS.map((slot) => (
            <Checkbox
              key={slot}
              isSelected={form.slots.includes(slot)}
              onChange={(on) => set("slots")(on ? [...form.slots, slot] : form.slots.filter((s) => s !== slot))}
            >
              {slotLabel(slot)}
            </Checkbox>
          ))}
        </fieldset>
        <Field
          label="Subject"
          name="subject"
          value={form.subject}
          onChange={set("subject")}
          error={fieldError("subject")}
        />
        <Field
          label="Message"
          name="body"
          value={form.body}
          onChange={set("body")}
          error={fieldError("body")}
          multiline
          rows={12}
          className="template-body"
        />
        {change.isError && !saveError?.problem.errors?.length && <Alert>{describeError(change.error)}</Alert>}
        {canEdit && (
          <div className="row">
            <Button tone="primary" type="submit" isDisabled={change.isPending}>
              Save
            </Button>
            {template && (template.customized || template.hidden) && (
              <Button
                onPress={() =>
                  change.mutate({ type: "restore", id: template.id }, { onSuccess: () => props.onDone(template.id) })
                }
              >
                Restore Kith's text
              </Button>
            )}
            {template && !template.hidden && (
              <Button
                tone="danger"
                onPress={() =>
                  change.mutate(
                    { type: "delete", id: template.id },
                    { onSuccess: () => props.onDone(template.isDefault ? template.id : null) },
                  )
                }
              >
                Delete
              </Button>
            )}
          </div>
        )}
      </form>
      <div className="stack template-preview">
        <h3>Preview</h3>
        <ContactPicker label="For" isRequired={false} selected={contact} onSelect={setContact} />
        {!contact && <p className="muted small">For a sample person until you choose one of your contacts.</p>}
        {preview.data && !previewError && (
          <div className="draft">
            <p className="draft-subject">{preview.data.subject}</p>
            <p className="draft-body">{preview.data.body}</p>
          </div>
        )}
        {preview.isError && !previewError?.problem.errors?.length && <Alert>{describeError(preview.error)}</Alert>}
        {previewError?.problem.errors?.length ? (
          <p className="muted small">The preview waits for the template to read well: see the field above.</p>
        ) : null}
      </div>
    </Section>
  );
}
