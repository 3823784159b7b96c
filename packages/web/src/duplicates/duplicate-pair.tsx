import { useState } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import type { Contact, Duplicate } from "../api/types.ts";
import { useContact } from "../contacts/contact-queries.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate, relativeDays } from "../ui/format.ts";
import { sharedValues, whyLabel } from "./shared-values.ts";

/**
 * One possible duplicate: both contacts side by side, why they match, and (for editors) the merge or "not the same
 * person".
 */
export function DuplicatePair(props: {
  pair: Duplicate;
  companyNames: Map<string, string>;
  canMerge: boolean;
  isMerging: boolean;
  onMerge: (keep: Contact, merge: Contact) => void;
  /** "Not the same person": the pair is never suggested again (undoable). */
  onDismiss: (pair: Duplicate) => void;
  isDismissing: boolean;
}) {
  const { pair } = props;
  // The earlier contact is kept by default: it is the one the rest of the history hangs on.
  const earlier = useContact(pair.duplicateOfId);
  const later = useContact(pair.contactId);
  const [keepId, setKeepId] = useState(pair.duplicateOfId);
  const headingId = `pair-${pair.contactId}-${pair.duplicateOfId}`;
  const a = earlier.data;
  const b = later.data;
  const shared = a && b ? sharedValues(pair.by, a, b) : [];
  const keep = keepId === a?.id ? a : b;
  const merge = keepId === a?.id ? b : a;
  const sameName = pair.displayName === pair.duplicateOfName;
  const optionLabel = (c: Contact) =>
    sameName ? `${c.displayName} (added ${formatDate(c.createdAt)})` : c.displayName;

  return (
    <li className="card pair">
      <h2 id={headingId} className="pair-title">
        {pair.displayName} <span className="muted">and</span> {pair.duplicateOfName}
      </h2>
      <p className="pair-why">
        <span className="badge badge-warn">{whyLabel(pair.by)}</span>
        {shared.length > 0 && <span className="break"> {shared.join(", ")}</span>}
      </p>
      {(earlier.isError || later.isError) && <Alert>{describeError(earlier.error ?? later.error)}</Alert>}
      <div className="pair-sides">
        <ContactSide contact={a} label="Added first" companyNames={props.companyNames} />
        <ContactSide contact={b} label="Added later" companyNames={props.companyNames} />
      </div>
      {props.canMerge && a && b && keep && merge && (
        <div className="pair-actions">
          <RadioGroup className="segmented-group" value={keepId} onChange={setKeepId} orientation="horizontal">
            <Label>Keep as the main contact</Label>
            <div className="segmented">
              <Radio value={a.id} className="segment">
                {optionLabel(a)}
              </Radio>
              <Radio value={b.id} className="segment">
                {optionLabel(b)}
              </Radio>
            </div>
          </RadioGroup>
          <div className="row">
            <Button
              tone="primary"
              className="btn-wrap"
              isDisabled={props.isMerging || props.isDismissing}
              onPress={() => props.onMerge(keep, merge)}
            >
              Merge {merge.displayName} into {keep.displayName}
            </Button>
            <Button
              className="btn-wrap"
              isDisabled={props.isMerging || props.isDismissing}
              onPress={() => props.onDismiss(pair)}
              aria-describedby={headingId}
            >
              Not the same person
            </Button>
          </div>
          <p className="muted small">
            A merge keeps every email, phone, link, tag, note, interaction and follow-up. “Not the same person” keeps
            them apart and this pair is not suggested again. You can undo either.
          </p>
        </div>
      )}
    </li>
  );
}

function ContactSide(props: { contact: Contact | undefined; label: string; companyNames: Map<string, string> }) {
  const c = props.contact;
  if (!c) return <div className="pair-side muted">Loading…</div>;
  const company = c.companyId ? props.companyNames.get(c.companyId) : undefined;
  const work = [c.title, company].filter(Boolean).join(" at ");
  return (
    <div className="pair-side">
      <p className="muted small">{props.label}</p>
      <h3>
        <Link href={`/contacts/${encodeURIComponent(c.id)}`}>{c.displayName}</Link>
      </h3>
      <dl className="facts compact-facts">
        <Fact term="Work" value={work} />
        <Fact term="Emails" value={c.emails.map((e) => e.address).join(", ")} />
        <Fact term="Phones" value={c.phones.map((p) => p.number).join(", ")} />
        <Fact term="Links" value={c.links.map((l) => l.url).join(", ")} />
        <Fact term="Tags" value={c.tags.join(", ")} />
        <Fact term="Touches" value={`${c.touchCount}${c.lastTouchAt ? `, last ${relativeDays(c.lastTouchAt)}` : ""}`} />
        <Fact term="Added" value={formatDate(c.createdAt)} />
      </dl>
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value || <span className="muted">—</span>}</dd>
    </div>
  );
}
