import type { EdgeKind } from "./relationship-words.ts";

/** The API's neighbourhood, as `GET /api/network/neighbourhood` answers it (node ids are "contact:…" or "company:…"). */
export interface NeighbourhoodLike {
  nodes: { id: string; kind: "contact" | "company"; label: string; firstDegree: boolean; centre: boolean }[];
  edges: { id: string; source: string; target: string; kind: EdgeKind }[];
}

/** One person or company in the drawing (network-graph.tsx); `ring` is the distance from the centre (0 the centre). */
export interface GraphNode {
  id: string;
  label: string;
  kind: "member" | "contact" | "company";
  ring: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** 1 (light) … 5 (strong): the line's width. */
  weight: number;
  /** The member's own tie to a first-degree contact (drawn dashed). */
  yours?: boolean;
}

export const MEMBER_NODE = "member";

/** One entry of the list view: a node with its distance from the centre and its ties in view, in words. */
export interface ListedNode extends GraphNode {
  firstDegree: boolean;
  ties: { otherId: string; otherLabel: string; kind: EdgeKind; outgoing: boolean }[];
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Centre first, then by ring and name: the order of the list view and of its arrow keys. */
  listed: ListedNode[];
  centreId: string | null;
}

/** Edge widths: family and colleagues are strong ties, "knows" and introductions lighter, works-at thinnest. */
const WEIGHTS: Record<EdgeKind, number> = {
  partner: 5,
  parent: 5,
  sibling: 5,
  grandparent: 4,
  friend: 4,
  colleague: 3,
  knows: 2,
  "introduced-by": 2,
  "works-at": 1,
};

/**
 * Rings by breadth-first distance from the centre over the edges in view (either direction), and the member
 * ("You") joined to every first-degree contact so the drawing shows how far each person is from you.
 */
export function graphModel(hood: NeighbourhoodLike): GraphModel {
  const centre = hood.nodes.find((n) => n.centre) ?? null;
  const labels = new Map(hood.nodes.map((n) => [n.id, n.label]));
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => adjacent.set(a, [...(adjacent.get(a) ?? []), b]);
  for (const e of hood.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const ring = new Map<string, number>();
  if (centre) {
    ring.set(centre.id, 0);
    const queue = [centre.id];
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i] as string;
      for (const next of adjacent.get(at) ?? [])
        if (!ring.has(next)) {
          ring.set(next, (ring.get(at) ?? 0) + 1);
          queue.push(next);
        }
    }
  }
  const farthest = Math.max(0, ...ring.values());
  const ringOf = (id: string) => ring.get(id) ?? farthest + 1;

  const listed: ListedNode[] = hood.nodes
    .map((n) => ({
      id: n.id,
      label: n.label,
      kind: n.kind,
      ring: ringOf(n.id),
      firstDegree: n.firstDegree,
      ties: hood.edges
        .filter((e) => e.source === n.id || e.target === n.id)
        .map((e) => {
          const otherId = e.source === n.id ? e.target : e.source;
          return { otherId, otherLabel: labels.get(otherId) ?? "", kind: e.kind, outgoing: e.source === n.id };
        }),
    }))
    .sort((a, b) => a.ring - b.ring || a.label.localeCompare(b.label));

  const firstDegree = hood.nodes.filter((n) => n.firstDegree);
  const centreIsYours = centre?.firstDegree ?? false;
  const member: GraphNode[] = firstDegree.length
    ? [{ id: MEMBER_NODE, label: "You", kind: "member", ring: centreIsYours ? 1 : farthest + 1 }]
    : [];
  return {
    nodes: [...listed.map(({ id, label, kind, ring }) => ({ id, label, kind, ring })), ...member],
    edges: [
      ...hood.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, weight: WEIGHTS[e.kind] })),
      ...firstDegree.map((n) => ({ id: `you:${n.id}`, source: MEMBER_NODE, target: n.id, weight: 1, yours: true })),
    ],
    listed,
    centreId: centre?.id ?? null,
  };
}
