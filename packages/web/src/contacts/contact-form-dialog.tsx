import { memo, useCallback, useState } from "react";
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
  const set = (part: Partial<ContactDraft>) => {
    setDraft((d) => ({ ...d, ...part }));
    // A field marked invalid blocks the form's submission: the server's word stands until the next change.
    if (save.error) save.reset();
    if (nameError && (part.firstName !== undefined || part.lastName !== undefined)) setNameError(undefined);
  };

  const setTimeZone = useCallback((timeZone: string) => setDraft((d) => ({ ...d, timeZone })), []);

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
  const fieldError = (name: string) => err?.fieldError(name);
  const unplaced = save.error && !PLACED.some((k) => fieldError(k));
  const circleOptions = circles.includes(draft.circle) ? circles : [...circles, draft.circle];

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
            onChange={(firstName) => set({ firstName })}
            error={nameError ?? fieldError("firstName")}
            autoComplete="off"
            autoFocus
          />
          <Field
            label="Last name"
            name="lastName"
            value={draft.lastName}
            onChange={(lastName) => set({ lastName })}
            error={fieldError("lastName")}
            autoComplete="off"
          />
        </div>
        <div className="grid-2">
          <CompanyPicker
            companyId={draft.companyId}
            onChange={(companyId) => set({ companyId })}
            error={fieldError("companyId")}
          />
          <Field
            label="Title"
            name="title"
            value={draft.title}
            onChange={(title) => set({ title })}
            error={fieldError("title")}
          />
        </div>
        <LabelledRowsField
          legend="Emails"
          noun="Email"
          type="email"
          rows={draft.emails}
          onChange={(emails) => set({ emails })}
          labelPlaceholder="work, home"
          errorAt={(i) => fieldError(`emails.${i}`)}
        />
        <LabelledRowsField
          legend="Phones"
          noun="Phone"
          type="tel"
          rows={draft.phones}
          onChange={(phones) => set({ phones })}
          labelPlaceholder="mobile, work"
          errorAt={(i) => fieldError(`phones.${i}`)}
        />
        <LabelledRowsField
          legend="Links"
          noun="Link"
          type="url"
          rows={draft.links}
          onChange={(links) => set({ links })}
          labelPlaceholder="LinkedIn, website"
          errorAt={(i) => fieldError(`links.${i}`)}
        />
        <BirthdayField
          month={draft.birthdayMonth}
          day={draft.birthdayDay}
          year={draft.birthdayYear}
          onChange={set}
          error={fieldError("birthday")}
        />
        <ContactDatesFields
          rows={dateRows}
          onChange={(rows) => {
            setDateRows(rows);
            if (save.error) save.reset();
          }}
          errorAt={(i) => fieldError(`dates.${i}`)}
        />
        <div className="grid-2">
          <Field
            label="Tags"
            name="tags"
            value={draft.tags}
            onChange={(tags) => set({ tags })}
            description="Separated by commas"
            error={fieldError("tags")}
          />
          <Field
            label="Interests"
            name="interests"
            value={draft.interests}
            onChange={(interests) => set({ interests })}
            description="Separated by commas: Kith uses them to suggest what to say"
            error={fieldError("interests")}
          />
        </div>
        <Field
          label="How we met"
          name="howWeMet"
          value={draft.howWeMet}
          onChange={(howWeMet) => set({ howWeMet })}
          multiline
          rows={2}
          error={fieldError("howWeMet")}
        />
        <fieldset className="rows-field">
          <legend>Rhythm</legend>
          <div className="grid-2">
            <Select
              label="Circle"
              value={draft.circle}
              onChange={(circle) => set({ circle })}
              options={circleOptions.map((c) => ({ id: c, label: c }))}
            />
            <TimeZoneSelect value={draft.timeZone} onChange={setTimeZone} error={fieldError("timeZone")} />
          </div>
          <Checkbox isSelected={draft.ownCadence} onChange={(ownCadence) => set({ ownCadence })}>
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
                onChange={(idealDays) => set({ idealDays })}
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
                onChange={(maxDays) => set({ maxDays })}
                isRequired
                error={fieldError("cadenceOverride.maxDays")}
              />
            </div>
          )}
          <Checkbox isSelected={draft.muted} onChange={(muted) => set({ muted })}>
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
