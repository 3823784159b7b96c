import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocation } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";
import { CompanyPicker } from "../companies/company-picker.tsx";
import { useCircleNames } from "../settings/engine-settings.ts";
import { Alert, Button, Checkbox, Field, NativeSelect, Select } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { timeZoneOptions } from "../ui/regions.ts";
import { BirthdayField } from "./birthday-field.tsx";
import { ContactDatesFields, type DateRow, dateRowsOf, datesInputOf } from "./contact-dates-fields.tsx";
import { type ContactDraft, draftOf, inputOfDraft, nameProblem } from "./contact-draft.ts";
import { DEFAULT_CIRCLES, useSaveContact } from "./contact-queries.ts";
import { LabelledRowsField } from "./labelled-rows-field.tsx";

/** Top-level fields the form places an error beside; any other path the server names shows as an alert. */
const PLACED = [
  "firstName",
  "lastName",
  "emails",
  "phones",
  "links",
  "companyId",
  "title",
  "circle",
  "tags",
  "interests",
  "howWeMet",
  "birthday",
  "timeZone",
  "muted",
  "cadenceOverride",
  "dates",
];

/** Add or edit everything about a contact but their notes (the contact page's own section). */
export function ContactFormDialog(props: { contact?: Contact; onClose: () => void }) {
  const existing = props.contact;
  const save = useSaveContact(existing?.id);
  const circles = useCircleNames(DEFAULT_CIRCLES);
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<ContactDraft>(() => draftOf(existing));
  const [dateRows, setDateRows] = useState<DateRow[]>(() => dateRowsOf(existing));
  const [nameError, setNameError] = useState<string | undefined>();
  const set = useCallback((part: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...part })), []);
  const on = useDraftSetters(set);
  // A field marked invalid blocks the form's submission: the server's word stands until the next change.
  const saveRef = useRef(save);
  saveRef.current = save;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of what the user typed
  useEffect(() => {
    if (saveRef.current.error) saveRef.current.reset();
  }, [draft, dateRows]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when either name changes
  useEffect(() => setNameError(undefined), [draft.firstName, draft.lastName]);

  const submit = async () => {
    const problem = nameProblem(draft);
    setNameError(problem);
    if (problem) return;
    try {
      const saved = await save.mutateAsync({ ...inputOfDraft(draft), ...datesInputOf(dateRows, existing) });
      props.onClose();
      if (!existing) navigate(`/contacts/${saved.id}`);
    } catch {
      // shown beside its field, or below the title
    }
  };

  const err = save.error instanceof ApiError ? save.error : undefined;
  const fieldError = useCallback((name: string) => err?.fieldError(name), [err]);
  const unplaced = save.error && !PLACED.some((k) => fieldError(k));
  const circleOptions = useMemo(
    () => (circles.includes(draft.circle) ? circles : [...circles, draft.circle]).map((c) => ({ id: c, label: c })),
    [circles, draft.circle],
  );

  return (
    <Modal
      title={existing ? `Edit ${existing.displayName}` : "Add a contact"}
      isOpen
      onOpenChange={(open) => !open && props.onClose()}
    >
      <form
        className="stack contact-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {unplaced && <Alert>{describeError(save.error)}</Alert>}
        <div className="grid-2">
          <Field
            label="First name"
            name="firstName"
            value={draft.firstName}
            onChange={on("firstName")}
            error={nameError ?? fieldError("firstName")}
            autoComplete="off"
            autoFocus
          />
          <Field
            label="Last name"
            name="lastName"
            value={draft.lastName}
            onChange={on("lastName")}
            error={fieldError("lastName")}
            autoComplete="off"
          />
        </div>
        <div className="grid-2">
          <CompanyPicker companyId={draft.companyId} onChange={on("companyId")} error={fieldError("companyId")} />
          <Field label="Title" name="title" value={draft.title} onChange={on("title")} error={fieldError("title")} />
        </div>
        <LabelledRowsField
          legend="Emails"
          noun="Email"
          type="email"
          rows={draft.emails}
          onChange={on("emails")}
          labelPlaceholder="work, home"
          path="emails"
          errorOf={fieldError}
        />
        <LabelledRowsField
          legend="Phones"
          noun="Phone"
          type="tel"
          rows={draft.phones}
          onChange={on("phones")}
          labelPlaceholder="mobile, work"
          path="phones"
          errorOf={fieldError}
        />
        <LabelledRowsField
          legend="Links"
          noun="Link"
          type="url"
          rows={draft.links}
          onChange={on("links")}
          labelPlaceholder="LinkedIn, website"
          path="links"
          errorOf={fieldError}
        />
        <BirthdayField
          month={draft.birthdayMonth}
          day={draft.birthdayDay}
          year={draft.birthdayYear}
          onChange={set}
          error={fieldError("birthday")}
        />
        <ContactDatesFields rows={dateRows} onChange={setDateRows} errorOf={fieldError} />
        <div className="grid-2">
          <Field
            label="Tags"
            name="tags"
            value={draft.tags}
            onChange={on("tags")}
            description="Separated by commas"
            error={fieldError("tags")}
          />
          <Field
            label="Interests"
            name="interests"
            value={draft.interests}
            onChange={on("interests")}
            description="Separated by commas: Kith uses them to suggest what to say"
            error={fieldError("interests")}
          />
        </div>
        <Field
          label="How we met"
          name="howWeMet"
          value={draft.howWeMet}
          onChange={on("howWeMet")}
          multiline
          rows={2}
          error={fieldError("howWeMet")}
        />
        <fieldset className="rows-field">
          <legend>Rhythm</legend>
          <div className="grid-2">
            <Select label="Circle" value={draft.circle} onChange={on("circle")} options={circleOptions} />
            <TimeZoneSelect value={draft.timeZone} onChange={on("timeZone")} error={fieldError("timeZone")} />
          </div>
          <Checkbox isSelected={draft.ownCadence} onChange={on("ownCadence")}>
            Their own rhythm instead of the circle's
          </Checkbox>
          {draft.ownCadence && (
            <div className="grid-2">
              <Field
                label="Due after (days)"
                name="idealDays"
                type="number"
                min={1}
                max={3650}
                value={draft.idealDays}
                onChange={on("idealDays")}
                isRequired
                error={fieldError("cadenceOverride.idealDays") ?? fieldError("cadenceOverride")}
              />
              <Field
                label="Overdue after (days)"
                name="maxDays"
                type="number"
                min={1}
                max={3650}
                value={draft.maxDays}
                onChange={on("maxDays")}
                isRequired
                error={fieldError("cadenceOverride.maxDays")}
              />
            </div>
          )}
          <Checkbox isSelected={draft.muted} onChange={on("muted")}>
            Mute: no reminders about {draft.firstName.trim() || "them"}
          </Checkbox>
          {fieldError("circle") && <p className="field-error">{fieldError("circle")}</p>}
        </fieldset>
        <div className="row end">
          <Button tone="quiet" onPress={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" isDisabled={save.isPending}>
            {save.isPending ? "Saving…" : existing ? "Save" : "Add contact"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** One setter per field of the draft, made once, so a field's props stay the same while another is typed in. */
function useDraftSetters(set: (part: Partial<ContactDraft>) => void) {
  const cache = useRef(new Map<keyof ContactDraft, (value: never) => void>());
  return useCallback(
    <K extends keyof ContactDraft>(key: K): ((value: ContactDraft[K]) => void) => {
      let setter = cache.current.get(key);
      if (!setter) {
        setter = ((value: ContactDraft[K]) => set({ [key]: value } as Partial<ContactDraft>)) as (value: never) => void;
        cache.current.set(key, setter);
      }
      return setter as (value: ContactDraft[K]) => void;
    },
    [set],
  );
}

/** Four hundred options: rendered again only when its own props change, not on every keystroke in the form. */
const TimeZoneSelect = memo(function TimeZoneSelect(props: {
  value: string;
  onChange: (timeZone: string) => void;
  error: string | undefined;
}) {
  return (
    <NativeSelect
      label="Time zone"
      name="timeZone"
      options={[{ id: "", label: "Not set" }, ...timeZoneOptions(props.value || undefined)]}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
});
