import { lazy, Suspense, useMemo, useState } from "react";
import { useSearchParams } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCompanyOptions } from "../companies/company-queries.ts";
import { ContactPicker } from "../interactions/contact-picker.tsx";
import { Alert, NativeSelect } from "../ui/controls.tsx";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { graphModel, MEMBER_NODE } from "./graph-model.ts";
import { NeighbourhoodList } from "./neighbourhood-list.tsx";
import { useNeighbourhood } from "./network-queries.ts";
import { NetworkTabs } from "./network-tabs.tsx";
import type { Neighbourhood, NetworkTarget } from "./network-types.ts";
import { PathFinder } from "./path-finder.tsx";
import { TRUNCATED_WORDS } from "./path-words.ts";

// Cytoscape is large: it comes with this page's own chunk, loaded when the graph is first drawn.
const NetworkGraph = lazy(() => import("./network-graph.tsx"));

function asTarget(value: string | null): NetworkTarget | null {
  return value && /^(contact|company):[\w-]+$/.test(value) ? (value as NetworkTarget) : null;
}

/** `/network?around=contact:…&depth=2&to=company:…`: the graph around someone, its list view, and the path finder. */
export default function NetworkPage() {
  const [params, setParams] = useSearchParams();
  const around = asTarget(params.get("around"));
  const to = asTarget(params.get("to"));
  const depth = params.get("depth") === "2" ? 2 : 1;
  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes))
        if (value === null) next.delete(key);
        else next.set(key, value);
      return next;
    });
  return (
    <Page title="Network" lead="Who knows whom, around a person or a company, and the ways to reach them.">
      <NetworkTabs />
      <AroundSection
        around={around}
        depth={depth}
        onAround={(a) => update({ around: a })}
        onDepth={(d) => update({ depth: d === 1 ? null : "2" })}
      />
      <PathFinder to={to} onTo={(t) => update({ to: t })} onCentre={(a) => update({ around: a })} />
    </Page>
  );
}

function AroundSection(props: {
  around: NetworkTarget | null;
  depth: 1 | 2;
  onAround: (around: NetworkTarget | null) => void;
  onDepth: (depth: 1 | 2) => void;
}) {
  const hood = useNeighbourhood(props.around, props.depth);
  const centre = props.around ? hood.data?.nodes.find((n) => n.centre)?.label : undefined;
  return (
    // The title names the centre, wherever it was chosen (the fields below, the list, the drawing, a link).
    <Section title={centre ? `Around ${centre}` : "Around"} id="around">
      <CentrePicker around={props.around} onAround={props.onAround} />
      <Segmented<"1" | "2">
        label="How far"
        value={props.depth === 2 ? "2" : "1"}
        options={["1", "2"]}
        labels={{ 1: "1 step", 2: "2 steps" }}
        onChange={(d) => props.onDepth(d === "2" ? 2 : 1)}
      />
      {!props.around && (
        <Empty>
          <p>Choose a person or a company to see who is around them.</p>
        </Empty>
      )}
      {props.around && hood.isPending && <Loading label="Drawing the network…" />}
      {hood.isError && <Alert>{describeError(hood.error)}</Alert>}
      {props.around && hood.data && <NeighbourhoodView hood={hood.data} onAround={props.onAround} />}
    </Section>
  );
}

/** The centre: a person (typed) or a company (chosen). */
function CentrePicker(props: { around: NetworkTarget | null; onAround: (around: NetworkTarget | null) => void }) {
  const companyOptions = useCompanyOptions();
  const [person, setPerson] = useState<{ id: string; displayName: string } | null>(null);
  const companyId = props.around?.startsWith("company:") ? props.around.slice("company:".length) : "";
  return (
    <div className="path-target">
      <ContactPicker
        label="Centre on a person"
        selected={person}
        isRequired={false}
        onSelect={(p) => {
          setPerson(p);
          if (p) props.onAround(`contact:${p.id}`);
        }}
      />
      <NativeSelect
        label="Or a company"
        name="aroundCompany"
        options={companyOptions}
        value={companyId}
        onChange={(id) => {
          setPerson(null);
          props.onAround(id ? `company:${id}` : null);
        }}
      />
    </div>
  );
}

function NeighbourhoodView({ hood, onAround }: { hood: Neighbourhood; onAround: (a: NetworkTarget) => void }) {
  const model = useMemo(() => graphModel(hood), [hood]);
  const [focused, setFocused] = useState<string | null>(null);
  const centre = model.listed.find((n) => n.id === model.centreId);
  const centreOn = (id: string) => {
    if (id === MEMBER_NODE || id === model.centreId) return;
    setFocused(null);
    onAround(id as NetworkTarget);
  };
  if (!centre) return <p className="muted">Nothing to show here.</p>;
  return (
    <div className="stack">
      <p className="muted small">
        {model.listed.length === 1
          ? `${centre.label} has no ties in Kith yet.`
          : `${model.listed.length - 1} around ${centre.label}. Pick one in the list (arrow keys, then Enter) or in the drawing to centre on them.`}
      </p>
      {hood.truncated && (
        <p className="muted small" role="note">
          {TRUNCATED_WORDS}
        </p>
      )}
      <div className="network-view">
        <figure className="network-figure">
          <Suspense fallback={<Loading label="Drawing the network…" />}>
            <NetworkGraph
              nodes={model.nodes}
              edges={model.edges}
              centreId={centre.id}
              focusedId={focused}
              onCentre={centreOn}
            />
          </Suspense>
          <figcaption className="muted small">
            Dashed lines: people you are in touch with. Thicker lines: closer ties.
          </figcaption>
        </figure>
        <NeighbourhoodList
          label={`Around ${centre.label}`}
          nodes={model.listed}
          focusedId={focused}
          onFocusNode={setFocused}
          onCentre={centreOn}
        />
      </div>
    </div>
  );
}
