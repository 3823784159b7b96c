import { useState } from "react";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCompanyOptions } from "../companies/company-queries.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { usePaths } from "./network-queries.ts";
import type { NetworkPath, NetworkTarget, PathsAnswer } from "./network-types.ts";
import { degreeLabel, pathStrength, TRUNCATED_WORDS, viaWords } from "./path-words.ts";

type TargetKind = "company" | "contact";

/** Choose a person or a company; Kith answers the ranked paths from you to them, up to 4 steps. */
export function PathFinder(props: {
  to: NetworkTarget | null;
  onTo: (to: NetworkTarget | null) => void;
  onCentre: (around: NetworkTarget) => void;
}) {
  const companyOptions = useCompanyOptions();
  const [kind, setKind] = useState<TargetKind>(props.to?.startsWith("contact:") ? "contact" : "company");
  const [person, setPerson] = useState<{ id: string; displayName: string } | null>(null);
  const paths = usePaths(props.to);
  const companyId = props.to?.startsWith("company:") ? props.to.slice("company:".length) : "";
  return (
    <Section title="Find a path">
      <div className="path-target">
        <Segmented<TargetKind>
          label="To"
          value={kind}
          options={["company", "contact"]}
          labels={{ company: "A company", contact: "A person" }}
          onChange={setKind}
        />
        {kind === "company" ? (
          <NativeSelect
            label="Company"
            name="pathCompany"
            options={companyOptions}
            value={companyId}
            onChange={(id) => props.onTo(id ? `company:${id}` : null)}
          />
        ) : (
          <ContactPicker
            label="Person"
            selected={person}
            isRequired={false}
            onSelect={(p) => {
              setPerson(p);
              props.onTo(p ? `contact:${p.id}` : null);
            }}
          />
        )}
      </div>
      {props.to && paths.isPending && <Loading label="Looking for paths…" />}
      {paths.isError && <Alert>{describeError(paths.error)}</Alert>}
      {paths.data && <PathList answer={paths.data} onCentre={props.onCentre} />}
    </Section>
  );
}

function PathList({ answer, onCentre }: { answer: PathsAnswer; onCentre: (around: NetworkTarget) => void }) {
  const target = `${answer.target.kind}:${answer.target.id}` as NetworkTarget;
  return (
    <div className="stack">
      <div className="row between">
        <h3 className="path-heading">
          {answer.paths.length === 0
            ? `No path to ${answer.target.name} within 4 steps`
            : `${answer.paths.length} ${answer.paths.length === 1 ? "path" : "paths"} to ${answer.target.name}`}
        </h3>
        <Button tone="quiet" onPress={() => onCentre(target)}>
          Show around {answer.target.name}
        </Button>
      </div>
      {answer.paths.length === 0 && (
        <p className="muted">
          No one you know is linked to {answer.target.name} yet. Add who knows whom on your contacts' pages, or ask
          someone “who do you know?”.
        </p>
      )}
      {answer.paths.length > 0 && (
        <ol className="plain-list path-list" aria-label={`Paths to ${answer.target.name}`}>
          {answer.paths.map((path) => (
            <PathRow key={path.hops.map((h) => h.contactId).join(">")} path={path} answer={answer} />
          ))}
        </ol>
      )}
      {answer.truncated && (
        <p className="muted small" role="note">
          {TRUNCATED_WORDS}
        </p>
      )}
    </div>
  );
}

/** "You → Ana Ruiz → Leo Park → Mia Chen at Acme Robotics", with how each step is tied. */
function PathRow({ path, answer }: { path: NetworkPath; answer: PathsAnswer }) {
  const last = path.hops.length - 1;
  const ties = path.hops.flatMap((hop, i) => {
    const before = path.hops[i - 1];
    return hop.via && before ? [`${before.displayName} and ${hop.displayName}: ${viaWords(hop.via)}`] : [];
  });
  return (
    <li className="path">
      <div className="path-hops">
        <span>You</span>
        {path.hops.map((hop, i) => (
          <span key={hop.contactId}>
            <span className="path-arrow"> → </span>
            <Link href={`/contacts/${hop.contactId}`}>{hop.displayName}</Link>
            {i === last && answer.target.kind === "company" && <span> at {answer.target.name}</span>}
          </span>
        ))}
      </div>
      <div className="muted small">
        {degreeLabel(path.degree)} · {pathStrength(path.score)}
        {ties.length > 0 && ` · ${ties.join(" · ")}`}
      </div>
    </li>
  );
}
