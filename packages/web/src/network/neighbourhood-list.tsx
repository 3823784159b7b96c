import { type KeyboardEvent, useRef } from "react";
import type { ListedNode } from "./graph-model.ts";
import { edgeSentence } from "./relationship-words.ts";

const TIES_SHOWN = 3;

/** Where a node stands: "the centre", "1 step away · you are in touch". */
export function standing(node: ListedNode): string {
  const where = node.ring === 0 ? "the centre" : `${node.ring} ${node.ring === 1 ? "step" : "steps"} away`;
  return node.firstDegree ? `${where} · you are in touch` : where;
}

/** The node's ties in view, each in words from its own direction. */
export function tiesInWords(node: ListedNode): string[] {
  return node.ties.map((t) =>
    t.outgoing ? edgeSentence(t.kind, node.label, t.otherLabel) : edgeSentence(t.kind, t.otherLabel, node.label),
  );
}

/**
 * The graph's people and companies as a list: the way in for the keyboard and for screen readers. Arrow keys
 * (and Home, End) move along it and highlight the node in the drawing; Enter or a click centres the graph there.
 */
export function NeighbourhoodList(props: {
  label: string;
  nodes: ListedNode[];
  focusedId: string | null;
  onFocusNode: (id: string) => void;
  onCentre: (id: string) => void;
}) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const tabStop = props.nodes.find((n) => n.id === props.focusedId)?.id ?? props.nodes[0]?.id;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = props.nodes.length - 1;
    const next =
      event.key === "ArrowDown" || event.key === "ArrowRight"
        ? Math.min(index + 1, last)
        : event.key === "ArrowUp" || event.key === "ArrowLeft"
          ? Math.max(index - 1, 0)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const id = props.nodes[next]?.id;
    if (id) buttons.current.get(id)?.focus();
  };

  return (
    <ul className="plain-list hood-list" aria-label={props.label}>
      {props.nodes.map((node, index) => {
        const ties = tiesInWords(node);
        const detailId = `hood-${node.id}`;
        return (
          <li key={node.id} className={node.id === props.focusedId ? "hood-item focused" : "hood-item"}>
            <button
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(node.id, el);
                else buttons.current.delete(node.id);
              }}
              className="hood-button"
              tabIndex={node.id === tabStop ? 0 : -1}
              aria-current={node.ring === 0 ? "true" : undefined}
              aria-describedby={detailId}
              onFocus={() => props.onFocusNode(node.id)}
              onKeyDown={(e) => onKeyDown(e, index)}
              onClick={() => node.ring !== 0 && props.onCentre(node.id)}
            >
              <span className="strong">{node.label}</span>
              {node.kind === "company" && <span className="badge">company</span>}
            </button>
            <div id={detailId} className="muted small">
              {standing(node)}
              {ties.slice(0, TIES_SHOWN).map((t) => (
                <div key={t}>{t}</div>
              ))}
              {ties.length > TIES_SHOWN && <div>and {ties.length - TIES_SHOWN} more</div>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
