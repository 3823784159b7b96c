import { useState } from "react";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { Loading, Page, Section } from "../ui/page.tsx";
import { TemplateEditor } from "./template-editor.tsx";
import { CHANNEL_LABELS, PLACEHOLDERS, slotLabel } from "./template-labels.ts";
import { useTemplates } from "./template-queries.ts";
import type { Template } from "./template-types.ts";

/** "new" while adding a template; an id while editing one. */
type Selection = string | "new" | null;

export default function TemplatesPage() {
  const templates = useTemplates();
  const canEdit = useCanEdit();
  const [selected, setSelected] = useState<Selection>(null);
  const list = templates.data ?? [];
  const current = selected === "new" ? null : (list.find((t) => t.id === selected) ?? null);

  return (
    <Page
      title="Templates"
      lead="What Kith suggests you say. Edit Kith's defaults or add your own; each today item picks the one that fits."
      actions={
        canEdit && (
          <Button tone="primary" onPress={() => setSelected("new")}>
            Add a template
          </Button>
        )
      }
    >
      {templates.isPending && <Loading />}
      {templates.isError && <Alert>{describeError(templates.error)}</Alert>}
      {templates.data && (
        <div className="templates-grid">
          <div className="stack-lg">
            <TemplateList
              title="Yours"
              empty="None yet: add one, or edit one of Kith's."
              items={list.filter((t) => !t.isDefault)}
              selected={selected}
              onSelect={setSelected}
            />
            <TemplateList
              title="Kith's defaults"
              empty="None."
              items={list.filter((t) => t.isDefault)}
              selected={selected}
              onSelect={setSelected}
            />
          </div>
          <div className="stack-lg">
            {selected === "new" || current ? (
              <TemplateEditor
                key={current?.id ?? "new"}
                template={current}
                canEdit={canEdit}
                onDone={(id) => setSelected(id)}
              />
            ) : (
              <Section title="Preview">
                <p className="muted">Choose a template to read, edit and preview it for one of your contacts.</p>
              </Section>
            )}
            <Placeholders />
          </div>
        </div>
      )}
    </Page>
  );
}

function TemplateList(props: {
  title: string;
  empty: string;
  items: Template[];
  selected: Selection;
  onSelect: (id: string) => void;
}) {
  return (
    <Section title={props.title}>
      {props.items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="plain-list template-list">
          {props.items.map((t) => (
            <li key={t.id}>
              <Button
                tone="quiet"
                className="template-item"
                aria-current={props.selected === t.id ? "true" : undefined}
                onPress={() => props.onSelect(t.id)}
              >
                <span className="strong">{t.name}</span>
                <span className="muted small">
                  {[CHANNEL_LABELS[t.channel] ?? t.channel, ...t.slots.map(slotLabel)].join(" · ")}
                </span>
                {t.customized && !t.hidden && <span className="badge">edited</span>}
                {t.hidden && <span className="badge badge-muted">deleted</span>}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Placeholders() {
  return (
    <Section title="Placeholders">
      <p className="muted small">
        Write <code>{"{{ contact.firstName }}"}</code> to put a value in;{" "}
        <code>{"{% if contact.company %}…{% endif %}"}</code> leaves a phrase out when the value is missing.
      </p>
      <dl className="placeholders">
        {PLACEHOLDERS.map((p) => (
          <div key={p.name}>
            <dt>
              <code>{`{{ ${p.name} }}`}</code>
            </dt>
            <dd>{p.meaning}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
