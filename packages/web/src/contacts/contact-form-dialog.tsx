import { useState } from "react";
import { useLocation } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import type { Contact, ContactInput } from "../api/types.ts";
import { useCompanies } from "../companies/company-queries.ts";
import { useCircleNames } from "../settings/engine-settings.ts";
import { Alert, Button, Field, Select } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { DEFAULT_CIRCLES, useSaveContact } from "./contact-queries.ts";

const splitList = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** Add or edit a contact: the fields people fill in on day one; the rest lives on the contact page. */
export function ContactFormDialog(props: { contact?: Contact; onClose: () => void }) {
  const existing = props.contact;
  const save = useSaveContact(existing?.id);
  const companies = useCompanies().data ?? [];
  const circles = useCircleNames(DEFAULT_CIRCLES);
  const [, navigate] = useLocation();
  const [firstName, setFirstName] = useState(existing?.firstName ?? "");
  const [lastName, setLastName] = useState(existing?.lastName ?? "");
  const [email, setEmail] = useState(existing?.emails[0]?.address ?? "");
  const [phone, setPhone] = useState(existing?.phones[0]?.number ?? "");
  const [title, setTitle] = useState(existing?.title ?? "");
  const [companyId, setCompanyId] = useState(existing?.companyId ?? "");
  const [circle, setCircle] = useState(existing?.circle ?? "network");
  const [tags, setTags] = useState(existing?.tags.join(", ") ?? "");
  const [interests, setInterests] = useState(existing?.interests.join(", ") ?? "");
  const [howWeMet, setHowWeMet] = useState(existing?.howWeMet ?? "");

  const submit = async () => {
    const input: ContactInput = {
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      title: title.trim(),
      companyId: companyId || null,
      circle,
      tags: splitList(tags),
      interests: splitList(interests),
      howWeMet,
      // Extra addresses added elsewhere are kept; the form edits the first one.
      emails: email.trim()
        ? [{ ...existing?.emails[0], address: email.trim() }, ...(existing?.emails.slice(1) ?? [])]
        : (existing?.emails.slice(1) ?? []),
      phones: phone.trim()
        ? [{ ...existing?.phones[0], number: phone.trim() }, ...(existing?.phones.slice(1) ?? [])]
        : (existing?.phones.slice(1) ?? []),
    };
    try {
      const saved = await save.mutateAsync(input);
      props.onClose();
      if (!existing) navigate(`/contacts/${saved.id}`);
    } catch {
      // shown below from save.error
    }
  };

  const err = save.error instanceof ApiError ? save.error : undefined;
  const fieldError = (name: string) => err?.fieldError(name);
  const known = ["firstName", "lastName", "emails", "phones", "title", "tags", "interests", "howWeMet"];
  const unplaced = save.error && !known.some((k) => fieldError(k));

  return (
    <Modal
      title={existing ? `Edit ${existing.displayName}` : "Add a contact"}
      isOpen
      onOpenChange={(open) => !open && props.onClose()}
    >
      <form
        className="stack"
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
            value={firstName}
            onChange={setFirstName}
            error={fieldError("firstName")}
            isRequired
            autoFocus
          />
          <Field
            label="Last name"
            name="lastName"
            value={lastName}
            onChange={setLastName}
            error={fieldError("lastName")}
          />
        </div>
        <div className="grid-2">
          <Field
            label="Email"
            name="email"
            type="email"
            value={email}
            onChange={setEmail}
            error={fieldError("emails")}
          />
          <Field label="Phone" name="phone" type="tel" value={phone} onChange={setPhone} error={fieldError("phones")} />
        </div>
        <div className="grid-2">
          <Field label="Title" name="title" value={title} onChange={setTitle} error={fieldError("title")} />
          <Select
            label="Company"
            value={companyId || "none"}
            onChange={(v) => setCompanyId(v === "none" ? "" : v)}
            options={[{ id: "none", label: "No company" }, ...companies.map((c) => ({ id: c.id, label: c.name }))]}
          />
        </div>
        <div className="grid-2">
          <Select
            label="Circle"
            value={circle}
            onChange={setCircle}
            options={circles.map((c) => ({ id: c, label: c }))}
          />
          <Field
            label="Tags"
            name="tags"
            value={tags}
            onChange={setTags}
            description="Separated by commas"
            error={fieldError("tags")}
          />
        </div>
        <Field
          label="Interests"
          name="interests"
          value={interests}
          onChange={setInterests}
          description="Separated by commas — Kith uses them to suggest what to say"
          error={fieldError("interests")}
        />
        <Field
          label="How we met"
          name="howWeMet"
          value={howWeMet}
          onChange={setHowWeMet}
          multiline
          rows={2}
          error={fieldError("howWeMet")}
        />
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
