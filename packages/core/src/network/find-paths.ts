import type { NetworkGraph } from "./relationship-port.ts";
import { PATH_DEGREE_MAX, PATHS_MAX, type RelationshipKind } from "./schemas.ts";

/**
 * Paths from the member to one contact, through relationship edges.
 *
 * The member is the centre: the first-degree contacts are those the member has had a touch with. A search meets in
 * the middle: the member's side is that first-degree set, known by one indexed membership test per level (it is
 * most of an account, so it is never expanded), and the target's side is expanded breadth first, a level at a time
 * (one query for all of a level's edges), until it reaches first-degree people. A first-degree person is a meeting
 * point and is not walked through: you would ask them yourself. Every person's path is therefore one of their
 * shortest, with no one you know in between. Bounds: at most `maxDegree` people per path (the first-degree one and
 * the target included), `maxEdgesPerLevel` edges read per level and `maxFrontier` people carried to the next one,
 * and no deeper level once `maxPaths` first-degree people are reached; whatever a bound cuts makes the answer
 * `truncated`.
 */
export interface PathBounds {
  maxDegree: number;
  maxPaths: number;
  maxFrontier: number;
  maxEdgesPerLevel: number;
  /** Paths enumerated at most before ranking. */
  maxEnumerated: number;
}

export const DEFAULT_PATH_BOUNDS: PathBounds = {
  maxDegree: PATH_DEGREE_MAX,
  maxPaths: PATHS_MAX,
  maxFrontier: 5_000,
  maxEdgesPerLevel: 60_000,
  maxEnumerated: 400,
};

/** One path found: contact ids from the first-degree person to the target, and the edge before each hop. */
export interface FoundPath {
  contactIds: string[];
  /** `vias[i]` is the kind of the edge from hop i-1 to hop i; null at 0. */
  vias: (RelationshipKind | null)[];
  /** Each edge's strength (1–5), in order. */
  strengths: number[];
}

export interface PathSearch {
  paths: FoundPath[];
  /** The member's last touch with each first-degree person a path starts with. */
  lastTouch: Map<string, string>;
  truncated: boolean;
}

interface Link {
  parent: string;
  kind: RelationshipKind;
  strength: number;
}

const better = (a: Link, b: Link) => a.strength > b.strength || (a.strength === b.strength && a.kind < b.kind);

/** Walks from the target towards the member; see the module's comment. */
export async function searchPaths(
  graph: NetworkGraph,
  accountId: string,
  targetId: string,
  bounds: PathBounds = DEFAULT_PATH_BOUNDS,
): Promise<PathSearch> {
  const known = await graph.firstDegree(accountId, [targetId]);
  const targetTouch = known.get(targetId);
  if (targetTouch !== undefined) {
    return {
      paths: [{ contactIds: [targetId], vias: [null], strengths: [] }],
      lastTouch: new Map([[targetId, targetTouch]]),
      truncated: false,
    };
  }
  const dist = new Map<string, number>([[targetId, 0]]);
  // For each person reached, the best edge to each neighbour one step nearer the target.
  const links = new Map<string, Map<string, Link>>();
  const meeting: string[] = [];
  const lastTouch = new Map<string, string>();
  let truncated = false;
  let level = [targetId];
  for (let d = 1; d < bounds.maxDegree && level.length > 0; d++) {
    // Enough people to start from already, each by a shorter path than the next level could give: stop (said).
    if (meeting.length >= bounds.maxPaths) {
      truncated = true;
      break;
    }
    let edges = await graph.edgesOf(accountId, level, bounds.maxEdgesPerLevel + 1);
    if (edges.length > bounds.maxEdgesPerLevel) {
      truncated = true;
      edges = edges.slice(0, bounds.maxEdgesPerLevel);
    }
    const fresh = [...new Set(edges.map((e) => e.otherId).filter((id) => !dist.has(id)))];
    const firstHere = await graph.firstDegree(accountId, fresh);
    const next: string[] = [];
    for (const e of edges) {
      const seen = dist.get(e.otherId);
      if (seen !== undefined && seen < d) continue;
      if (seen === undefined) {
        dist.set(e.otherId, d);
        const touch = firstHere.get(e.otherId);
        if (touch !== undefined) {
          meeting.push(e.otherId);
          lastTouch.set(e.otherId, touch);
        } else next.push(e.otherId);
      }
      const mine = links.get(e.otherId) ?? new Map<string, Link>();
      const link: Link = { parent: e.contactId, kind: e.kind, strength: e.strength };
      const held = mine.get(e.contactId);
      if (!held || better(link, held)) mine.set(e.contactId, link);
      links.set(e.otherId, mine);
    }
    next.sort();
    if (next.length > bounds.maxFrontier) {
      truncated = true;
      next.length = bounds.maxFrontier;
    }
    level = next;
  }
  const enumerated = enumerate(meeting, links, dist, targetId, bounds.maxEnumerated);
  return { paths: enumerated.paths, lastTouch, truncated: truncated || enumerated.cut };
}

/** Every shortest path from each meeting point down to the target, through the links (nearest meetings first). */
function enumerate(
  meeting: readonly string[],
  links: ReadonlyMap<string, ReadonlyMap<string, Link>>,
  dist: ReadonlyMap<string, number>,
  targetId: string,
  max: number,
): { paths: FoundPath[]; cut: boolean } {
  const starts = [...meeting].sort((a, b) => (dist.get(a) ?? 0) - (dist.get(b) ?? 0) || (a < b ? -1 : 1));
  const paths: FoundPath[] = [];
  const walk = (node: string, ids: string[], vias: (RelationshipKind | null)[], strengths: number[]): boolean => {
    if (node === targetId) {
      if (paths.length >= max) return false;
      paths.push({ contactIds: ids, vias, strengths });
      return true;
    }
    const here = dist.get(node) ?? 0;
    const parents = [...(links.get(node)?.values() ?? [])]
      .filter((l) => dist.get(l.parent) === here - 1)
      .sort((a, b) => (a.parent < b.parent ? -1 : 1));
    for (const l of parents) {
      if (!walk(l.parent, [...ids, l.parent], [...vias, l.kind], [...strengths, l.strength])) return false;
    }
    return true;
  };
  for (const start of starts) {
    if (!walk(start, [start], [null], [])) return { paths, cut: true };
  }
  return { paths, cut: false };
}

const DAY_MS = 86_400_000;
/** A tie's weight halves every this many days since the member's last touch. */
export const TOUCH_HALF_LIFE_DAYS = 180;

/** What one introduction costs even through the strongest edge: asking someone yourself is one step fewer. */
export const HOP_FACTOR = 0.8;

/**
 * A path's score, 0..1: how recent the member's last touch with its first person is (halving every 180 days) times,
 * for each edge, its strength out of 5 and the cost of a hop (0.8). A strong, recent tie beats a stale one; someone
 * you were in touch with last month beats a perfect introduction.
 */
export function scorePath(lastTouchAt: string | undefined, strengths: readonly number[], nowAt: string): number {
  const days = lastTouchAt ? Math.max(0, (Date.parse(nowAt) - Date.parse(lastTouchAt)) / DAY_MS) : Infinity;
  const recency = 0.5 ** (days / TOUCH_HALF_LIFE_DAYS);
  const edges = strengths.reduce((product, s) => product * HOP_FACTOR * (s / 5), 1);
  return Math.round(recency * edges * 10_000) / 10_000;
}

export interface RankedPath extends FoundPath {
  score: number;
}

/** Best first: score, then fewer hops, then ids (a stable order). */
export function rankPaths(search: PathSearch, nowAt: string, maxPaths: number): RankedPath[] {
  const ranked = search.paths.map((p) => ({
    ...p,
    score: scorePath(search.lastTouch.get(p.contactIds[0] ?? ""), p.strengths, nowAt),
  }));
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.contactIds.length - b.contactIds.length ||
      (a.contactIds.join(" ") < b.contactIds.join(" ") ? -1 : 1),
  );
  return ranked.slice(0, maxPaths);
}
