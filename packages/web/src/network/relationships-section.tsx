import { useState } from "react";
import { Link } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { Section } from "../ui/page.tsx";
import { useAddRelationship, useEditRelationship, useRelationships, useRemoveRelationship } from "./network-queries.ts";
import type { ContactRelationship } from "./network-types.ts";
import {
  edgeForRole,
  RELATIONSHIP_ROLES,
  type RelationshipRole,
  ROLE_LABELS,
  relationshipDetail,
  roleSentence,
} from "./relationship-words.ts";
import { TieFields, tieBody, tieValuesOf } from "./tie-fields.tsx";

/** The contact page's "Relationships": each edge read from this contact's side, with add, edit and remove. */
export function RelationshipsSection({ contact }: { contact: Contact }) {
  const list = useRelationships(contact.id);
  const canEdit = useCanEdit();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ContactRelationship | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Section
      title="Relationships"
      actions={
        canEdit &&
        !adding && (
          <Button tone="quiet" onPress={() => setAdding(true)}>
            Add relationship
          </Button>
        )
      }
    >
      {list.isError && <Alert>{describeError(list.error)}</Alert>}
      {adding && <AddRelationship contact={contact} onDone={() => setAdding(false)} />}
      {list.isSuccess && items.length === 0 && !adding && (
        <p className="muted">
          No one linked to {contact.firstName || contact.displayName} yet: who their family, colleagues and friends are
          is how Kith finds paths to people you do not know yet.
        </p>
      )}
      <ul className="plain-list" aria-label={`${contact.displayName}'s relationships`}>
        {items.map((r) => (
          <li key={r.id} className="relationship">
            <div>
              <div>
                <SentenceWithLink sentence={r.sentence} other={r.other} />
              </div>
              {relationshipDetail(r) && <div className="muted small">{relationshipDetail(r)}</div>}
              {editing === r.id && <EditRelationship relationship={r} onDone={() => setEditing(null)} />}
            </div>
            {canEdit && editing !== r.id && (
              <div className="row">
                <Button tone="quiet" aria-label={`Edit: ${r.sentence}`} onPress={() => setEditing(r.id)}>
                  Edit
                </Button>
                <Button tone="quiet" aria-label={`Remove: ${r.sentence}`} onPress={() => setRemoving(r)}>
                  Remove
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {items.length > 0 && (
        <p className="small">
          <Link href={`/network?around=contact:${contact.id}`}>
            See the network around {contact.firstName || contact.displayName}
          </Link>
        </p>
      )}
      {removing && <RemoveRelationship relationship={removing} onClose={() => setRemoving(null)} />}
    </Section>
  );
}

/** The API's sentence with the other person's name as a link to their page. */
export function SentenceWithLink(props: { sentence: string; other: { id: string; displayName: string } }) {
  const at = props.sentence.indexOf(props.other.displayName);
  if (at < 0) return <span>{props.sentence}</span>;
  return (
    <span>
      {props.sentence.slice(0, at)}
      <Link href={`/contacts/${props.other.id}`} className="strong">
        {props.other.displayName}
      </Link>
      {props.sentence.slice(at + props.other.displayName.length)}
    </span>
  );
}

function AddRelationship({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const add = useAddRelationship();
  const [other, setOther] = useState<{ id: string; displayName: string } | null>(null);
  const [role, setRole] = useState<RelationshipRole>("knows");
  const [tie, setTie] = useState(tieValuesOf());
  const err = add.error instanceof ApiError ? add.error : undefined;
  const pickError = err?.fieldError("toContactId") ?? err?.fieldError("fromContactId");
  const fieldError = (field: string) => err?.fieldError(field);
  const shown = new Set(["toContactId", "fromContactId", "how", "strength", "sinceOn"]);
  const otherError = add.isError && !err?.problem.errors?.some((e) => shown.has(e.path.split(".")[0] ?? ""));
  return (
    <form
      className="stack network-form"
      aria-label={`Add a relationship for ${contact.displayName}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!other) return;
        add.mutate({ ...edgeForRole(role, contact.id, other.id), ...tieBody(tie) }, { onSuccess: onDone });
      }}
    >
      <ContactPicker label="Who" selected={other} onSelect={setOther} error={pickError} autoFocus />
      <NativeSelect
        label={`Their relationship to ${contact.firstName || contact.displayName}`}
        name="role"
        options={RELATIONSHIP_ROLES.map((r) => ({ id: r, label: ROLE_LABELS[r] }))}
        value={role}
        onChange={(r) => setRole(r as RelationshipRole)}
        error={fieldError("kind")}
      />
      {other && (
        <p className="relationship-preview" role="status">
          {roleSentence(role, contact.displayName, other.displayName)}
        </p>
      )}
      <TieFields values={tie} onChange={setTie} fieldError={fieldError} />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={add.isPending || !other}>
          Add relationship
        </Button>
        <Button tone="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
      {otherError && <Alert>{describeError(add.error)}</Alert>}
    </form>
  );
}

function EditRelationship({ relationship, onDone }: { relationship: ContactRelationship; onDone: () => void }) {
  const edit = useEditRelationship(relationship.id);
  const [tie, setTie] = useState(tieValuesOf(relationship));
  const err = edit.error instanceof ApiError ? edit.error : undefined;
  return (
    <form
      className="stack network-form"
      aria-label={`Edit: ${relationship.sentence}`}
      onSubmit={(e) => {
        e.preventDefault();
        edit.mutate(tieBody(tie, relationship), { onSuccess: onDone });
      }}
    >
      <TieFields values={tie} onChange={setTie} fieldError={(f) => err?.fieldError(f)} />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={edit.isPending}>
          Save
        </Button>
        <Button tone="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
      {edit.isError && !err?.problem.errors?.length && <Alert>{describeError(edit.error)}</Alert>}
    </form>
  );
}

function RemoveRelationship({ relationship, onClose }: { relationship: ContactRelationship; onClose: () => void }) {
  const remove = useRemoveRelationship();
  return (
    <Modal title="Remove this relationship?" isOpen onOpenChange={(open) => !open && onClose()}>
      <div className="stack">
        {remove.isError && <Alert>{describeError(remove.error)}</Alert>}
        <p>{relationship.sentence}.</p>
        <p className="muted">Paths through this tie are no longer offered. Both people stay in Kith.</p>
        <div className="row end">
          <Button tone="quiet" onPress={onClose} autoFocus>
            Keep it
          </Button>
          <Button
            tone="danger"
            isDisabled={remove.isPending}
            onPress={() => remove.mutate(relationship.id, { onSuccess: onClose })}
          >
            {remove.isPending ? "Removing…" : "Remove"}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
