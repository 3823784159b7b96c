import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from "cytoscape";
import { useEffect, useRef } from "react";
import type { GraphEdge, GraphNode } from "./graph-model.ts";

/**
 * Cytoscape writes one `<style>` into the page (`.__________cytoscape_container { position: relative; }`) unless an
 * element with its id is already there. The CSP blocks inline style elements, so the rule lives in styles.css
 * and this marker tells Cytoscape it is present: no `securitypolicyviolation`, and no 'unsafe-inline' needed.
 */
const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";
function markCytoscapeStylesheet() {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement("meta");
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  marker.name = "kith-cytoscape-styles";
  marker.content = "in styles.css";
  document.head.append(marker);
}

/** The theme's colours, read from the page's CSS variables so the canvas follows light and dark mode. */
function themeColours(element: HTMLElement) {
  const css = getComputedStyle(element);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: read("--text", "#1d1f21"),
    muted: read("--muted", "#5c6166"),
    line: read("--line", "#dedbd3"),
    accent: read("--accent", "#2f6b5a"),
    accentText: read("--accent-text", "#ffffff"),
    surface: read("--surface", "#ffffff"),
    surface2: read("--surface-2", "#f0eee9"),
    focus: read("--focus", "#1b5fcc"),
  };
}

/** How nodes and edges look, in the theme's colours; classes mark the member, the centre and the focused node. */
function graphStyle(colours: ReturnType<typeof themeColours>): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-family": "system-ui, sans-serif",
        "font-size": 12,
        color: colours.text,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": "150px",
        "text-background-color": colours.surface,
        "text-background-opacity": 0.85,
        "text-background-padding": "2px",
        width: 22,
        height: 22,
        "background-color": colours.surface2,
        "border-width": 2,
        "border-color": colours.muted,
      },
    },
    { selector: "node.company", style: { shape: "round-rectangle" } },
    { selector: "node.member", style: { "background-color": colours.accent, "border-color": colours.accent } },
    {
      selector: "node.centre",
      style: { width: 34, height: 34, "border-color": colours.accent, "border-width": 4, "font-weight": "bold" },
    },
    { selector: "node.focused", style: { "border-color": colours.focus, "border-width": 5 } },
    {
      selector: "edge",
      style: {
        width: "mapData(weight, 1, 5, 1, 4)",
        "line-color": colours.line,
        "curve-style": "straight",
      },
    },
    {
      // Bent, so a tie of yours behind the centre does not vanish under it.
      selector: "edge.yours",
      style: {
        "line-style": "dashed",
        "line-color": colours.accent,
        opacity: 0.6,
        "curve-style": "unbundled-bezier",
        "control-point-distances": [36],
        "control-point-weights": [0.5],
      },
    },
    { selector: "edge.near", style: { "line-color": colours.muted, opacity: 1 } },
  ];
}

function elementsOf(nodes: GraphNode[], edges: GraphEdge[]): ElementDefinition[] {
  const ids = new Set(nodes.map((n) => n.id));
  return [
    ...nodes.map((n) => ({
      group: "nodes" as const,
      data: { id: n.id, label: n.label, ring: n.ring },
      classes: n.kind,
    })),
    ...edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({
        group: "edges" as const,
        data: { id: e.id, source: e.source, target: e.target, weight: e.weight },
        classes: e.yours ? "yours" : "",
      })),
  ];
}

/**
 * The neighbourhood drawn on a canvas (Cytoscape.js, concentric rings by degree). It is a picture for pointer
 * users: the page's list beside it carries the same people for the keyboard and screen readers, and moves the
 * highlighted node here (`focusedId`). Tapping a node asks to centre on it.
 */
export default function NetworkGraph(props: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  centreId: string;
  focusedId: string | null;
  onCentre: (id: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onCentre = useRef(props.onCentre);
  onCentre.current = props.onCentre;
  const marks = useRef({ centreId: props.centreId, focusedId: props.focusedId });
  marks.current = { centreId: props.centreId, focusedId: props.focusedId };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    markCytoscapeStylesheet();
    const instance = cytoscape({
      container: element,
      elements: elementsOf(props.nodes, props.edges),
      // Fitting a few nodes would blow them up: never closer than 1.5×.
      minZoom: 0.3,
      maxZoom: 1.5,
      wheelSensitivity: 0.4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: graphStyle(themeColours(element)),
    });
    // Rings by degree: the centre alone in the middle, its first-degree people around it, and so on.
    instance
      .layout({
        name: "concentric",
        concentric: (node) => 10 - Number(node.data("ring") ?? 9),
        levelWidth: () => 1,
        minNodeSpacing: 56,
        animate: false,
        fit: true,
        padding: 24,
      })
      .run();
    instance.on("tap", "node", (event) => onCentre.current(event.target.id()));
    mark(instance, marks.current);
    cy.current = instance;
    // The box changes size with the window (a phone turned, a sidebar): draw again and fit the whole graph.
    const resized = new ResizeObserver(() => {
      instance.resize();
      instance.fit(undefined, 24);
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      instance.destroy();
      cy.current = null;
    };
  }, [props.nodes, props.edges]);

  useEffect(() => {
    if (cy.current) mark(cy.current, { centreId: props.centreId, focusedId: props.focusedId });
  }, [props.centreId, props.focusedId]);

  return <div ref={container} className="network-graph" aria-hidden="true" data-testid="network-graph" />;
}

/** The centre drawn larger with its own ties darker; the node focused in the list view ringed. */
function mark(instance: Core, marks: { centreId: string; focusedId: string | null }) {
  instance.nodes().removeClass("centre focused");
  instance.edges().removeClass("near");
  const centre = instance.getElementById(marks.centreId);
  centre.addClass("centre");
  centre.connectedEdges().addClass("near");
  if (marks.focusedId) instance.getElementById(marks.focusedId).addClass("focused");
}
