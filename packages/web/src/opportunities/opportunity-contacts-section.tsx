import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import { useCanEdit, useIsCoach } from "../app/session.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { useOpportunityContacts, useOpportunityNetwork } from "./opportunity-queries.ts";
import type { OpportunityDetail, OpportunityRole } from "./opportunity-types.ts";
import { PeopleThere } from "./people-there.tsx";
import { ROLE_LABELS } from "./stages.ts";

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as OpportunityRole[]).map((r) => ({ id: r, label: ROLE_LABELS[r] }));

/** The people on this opportunity, each with a role; and who else you know at the company. */
export function OpportunityContactsSection({ opportunity: o }: { opportunity: OpportunityDetail }) {
  const coach = useIsCoach();
  const canEdit = useCanEdit();
  const { remove } = useOpportunityContacts(o.id);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Section
        title="People on it"
        actions={
          canEdit &&
          !adding && (
            <Button tone="quiet" onPress={() => setAdding(true)}>
              Add a person
            </Button>
          )
        }
      >
        {adding && <AddPerson o={o} onDone={() => setAdding(false)} />}
        {o.contacts.length === 0 && !adding && (
          <p className="muted">No one yet: add the recruiter, the hiring manager, whoever referred you.</p>
        )}
        <ul className="plain-list" aria-label="People on this opportunity">
          {o.contacts.map((c) => (
            <li key={c.contactId} className="follow-up">
              <div>
                <Link href={`/contacts/${c.contactId}`} className="strong">
                  {c.displayName}
                </Link>
                <div className="muted small">{ROLE_LABELS[c.role]}</div>
              </div>
              {canEdit && (
                <Button
                  tone="quiet"
                  isDisabled={remove.isPending}
                  onPress={() => remove.mutate(c.contactId)}
                  aria-label={`Remove ${c.displayName} from this opportunity`}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
        {remove.isError && <Alert>{describeError(remove.error)}</Alert>}
      </Section>
      {/* The network is not shared with a coach (it reaches people beyond the shared tags). */}
      {!coach && <WhoYouKnow o={o} />}
    </>
  );
}

function WhoYouKnow({ o }: { o: OpportunityDetail }) {
  const network = useOpportunityNetwork(o.id);
  const company = o.companyName ?? "the company";
  return (
    <Section title={`Who you know at ${company}`} id="who-you-know">
      {network.isPending && <Loading />}
      {network.isError && <Alert>{describeError(network.error)}</Alert>}
      {network.data && (
        <PeopleThere
          companyName={company}
          suggestReferral={network.data.suggestReferral}
          people={network.data.firstDegree.map((p) => ({
            contactId: p.contactId,
            displayName: p.displayName,
            title: p.title,
            lastTouchAt: p.lastTouchAt,
            note: p.role ? ROLE_LABELS[p.role] : undefined,
          }))}
        />
      )}
      {network.data && network.data.secondDegree.length > 0 && (
        <div className="stack-sm">
          <h3>Through people you know</h3>
          <ul className="plain-list" aria-label={`Paths to ${company}`}>
            {network.data.secondDegree.map((p) => (
              <li key={p.contactId} className="follow-up">
                <Link href={`/contacts/${p.contactId}`} className="strong">
                  {p.displayName}
                </Link>
                <span className="muted small">via {p.via.join(" → ")}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

function AddPerson({ o, onDone }: { o: OpportunityDetail; onDone: () => void }) {
  const { add } = useOpportunityContacts(o.id);
  const [person, setPerson] = useState<{ id: string; displayName: string } | null>(null);
  const [role, setRole] = useState<OpportunityRole>("recruiter");
  const error = add.error instanceof ApiError ? add.error : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (person) add.mutate({ contactId: person.id, role }, { onSuccess: onDone });
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="Add a person to this opportunity">
      <ContactPicker
        label="Person"
        selected={person}
        onSelect={setPerson}
        autoFocus
        error={error?.fieldError("contactId")}
      />
      <NativeSelect
        label="Role"
        name="role"
        options={ROLE_OPTIONS}
        value={role}
        onChange={(r) => setRole(r as OpportunityRole)}
        error={error?.fieldError("role")}
      />
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={!person || add.isPending}>
          Add
        </Button>
        <Button tone="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
      {add.isError && !error?.fieldError("contactId") && !error?.fieldError("role") && (
        <Alert>{describeError(add.error)}</Alert>
      )}
    </form>
  );
}
