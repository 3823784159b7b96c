import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PATH_BOUNDS, type PathBounds, rankPaths, scorePath, searchPaths } from "./find-paths.ts";
import type { NetworkEdge, NetworkGraph } from "./relationship-port.ts";

interface Graph {
  size: number;
  edges: [number, number, number][];
  first: Set<number>;
}

const id = (n: number) => `c${String(n).padStart(3, "0")}`;
const ACCOUNT = "acc";

/** The port over an in-memory graph; another account's edges are there too, and must never be read. */
function memoryGraph(g: Graph, reads: { edges: number } = { edges: 0 }): NetworkGraph {
  const foreign: NetworkEdge[] = [
    { id: "x1", contactId: id(0), otherId: "other-account", kind: "knows", strength: 5, inbound: false },
  ];
  return {
    async edgesOf(accountId, contactIds, limit) {
      const wanted = new Set(contactIds);
      const out: NetworkEdge[] = [];
      g.edges.forEach(([a, b, strength], i) => {
        const base = { id: `e${i}`, kind: "knows" as const, strength };
        if (wanted.has(id(a))) out.push({ ...base, contactId: id(a), otherId: id(b), inbound: false });
        if (wanted.has(id(b))) out.push({ ...base, contactId: id(b), otherId: id(a), inbound: true });
      });
      if (accountId !== ACCOUNT) return foreign;
      reads.edges += out.length;
      return out.slice(0, limit);
    },
    async firstDegree(accountId, contactIds) {
      if (accountId !== ACCOUNT) return new Map();
      return new Map(
        contactIds.filter((c) => g.first.has(Number(c.slice(1)))).map((c) => [c, "2026-12-01T00:00:00.000Z"]),
      );
    },
    async people() {
      return new Map();
    },
    async employees() {
      return [];
    },
  };
}

/**
 * The reference: every simple path of at most 4 people from a first-degree person to the target with no
 * first-degree person in between, found by plain depth-first enumeration, keeping for each first person only its
 * shortest ones.
 */
function referencePaths(g: Graph, target: number, maxDegree: number): string[] {
  if (g.first.has(target)) return [id(target)];
  const adjacency = new Map<number, Set<number>>();
  for (const [a, b] of g.edges) {
    adjacency.set(a, (adjacency.get(a) ?? new Set()).add(b));
    adjacency.set(b, (adjacency.get(b) ?? new Set()).add(a));
  }
  const found = new Map<number, number[][]>();
  const walk = (path: number[]) => {
    const last = path.at(-1) ?? -1;
    if (last === target) {
      const start = path[0] ?? -1;
      found.set(start, [...(found.get(start) ?? []), path]);
      return;
    }
    if (path.length >= maxDegree) return;
    if (path.length > 1 && g.first.has(last)) return;
    for (const next of adjacency.get(last) ?? []) {
      if (path.includes(next)) continue;
      if (next !== target && g.first.has(next)) continue;
      walk([...path, next]);
    }
  };
  for (const start of g.first) walk([start]);
  const out: string[] = [];
  for (const paths of found.values()) {
    const shortest = Math.min(...paths.map((p) => p.length));
    for (const p of paths) if (p.length === shortest) out.push(p.map(id).join(">"));
  }
  return out.sort();
}

/** Random graphs: cycles, disconnected parts, often a hub joined to many; no self-loops (refused by the service). */
const graphs = fc
  .record({
    size: fc.integer({ min: 2, max: 14 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
    hubDegree: fc.integer({ min: 0, max: 13 }),
    firstMask: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    target: fc.nat(),
  })
  .map(({ size, pairs, hubDegree, firstMask, target }) => {
    const seen = new Set<string>();
    const edges: [number, number, number][] = [];
    const add = (a: number, b: number, s: number) => {
      if (a === b) return;
      const key = a < b ? `${a}-${b}` : `${b}-${a}`;
      if (seen.has(key)) return;
      seen.add(key);
      edges.push([a, b, s]);
    };
    for (const [a, b, s] of pairs) add(a % size, b % size, s);
    for (let i = 1; i <= Math.min(hubDegree, size - 1); i++) add(0, i, 3);
    const first = new Set([...Array(size).keys()].filter((n) => firstMask[n]));
    return { graph: { size, edges, first } satisfies Graph, target: target % size };
  });

const unbounded: PathBounds = { ...DEFAULT_PATH_BOUNDS, maxPaths: 100_000, maxEnumerated: 100_000 };

describe("paths", () => {
  it("equal a reference search on random graphs (every first person's shortest paths, nobody known in between)", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async ({ graph, target }) => {
        const search = await searchPaths(memoryGraph(graph), ACCOUNT, id(target), unbounded);
        const got = search.paths.map((p) => p.contactIds.join(">")).sort();
        expect(got).toEqual(referencePaths(graph, target, 4));
        expect(search.truncated).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("honour their bounds: at most 4 people, 20 paths, the frontier and the edges read, and say so", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, fc.integer({ min: 1, max: 3 }), async ({ graph, target }, small) => {
        const bounds: PathBounds = {
          maxDegree: 4,
          maxPaths: 20,
          maxFrontier: small,
          maxEdgesPerLevel: small * 3,
          maxEnumerated: small * 2,
        };
        const reads = { edges: 0 };
        const search = await searchPaths(memoryGraph(graph, reads), ACCOUNT, id(target), bounds);
        expect(search.paths.length).toBeLessThanOrEqual(bounds.maxEnumerated);
        for (const p of search.paths) expect(p.contactIds.length).toBeLessThanOrEqual(4);
        const full = referencePaths(graph, target, 4);
        if (!search.truncated) expect(search.paths.map((p) => p.contactIds.join(">")).sort()).toEqual(full);
        const ranked = rankPaths(search, "2026-12-07T00:00:00.000Z", 20);
        expect(ranked.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  });

  it("are real: each hop is an edge, it starts with someone you know and ends at the target", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async ({ graph, target }) => {
        const search = await searchPaths(memoryGraph(graph), ACCOUNT, id(target), unbounded);
        const edges = new Set(graph.edges.flatMap(([a, b]) => [`${id(a)}>${id(b)}`, `${id(b)}>${id(a)}`]));
        for (const p of search.paths) {
          expect(graph.first.has(Number(p.contactIds[0]?.slice(1)))).toBe(true);
          expect(p.contactIds.at(-1)).toBe(id(target));
          expect(new Set(p.contactIds).size).toBe(p.contactIds.length);
          for (let i = 1; i < p.contactIds.length; i++)
            expect(edges.has(`${p.contactIds[i - 1]}>${p.contactIds[i]}`)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never read another account's edges: a search in another account finds nothing of this one", async () => {
    const graph: Graph = {
      size: 3,
      edges: [
        [0, 1, 3],
        [1, 2, 3],
      ],
      first: new Set([0]),
    };
    expect((await searchPaths(memoryGraph(graph), "someone-else", id(2))).paths).toEqual([]);
    expect((await searchPaths(memoryGraph(graph), ACCOUNT, id(2))).paths.map((p) => p.contactIds)).toEqual([
      [id(0), id(1), id(2)],
    ]);
  });

  it("rank a strong recent tie above a stale one, and a short path above a long one of equal ties", () => {
    const now = "2026-12-07T00:00:00.000Z";
    expect(scorePath("2026-12-01T00:00:00.000Z", [4], now)).toBeGreaterThan(
      scorePath("2024-01-01T00:00:00.000Z", [4], now),
    );
    expect(scorePath("2026-12-01T00:00:00.000Z", [5], now)).toBeGreaterThan(
      scorePath("2026-12-01T00:00:00.000Z", [2], now),
    );
    expect(scorePath("2026-12-01T00:00:00.000Z", [4], now)).toBeGreaterThan(
      scorePath("2026-12-01T00:00:00.000Z", [4, 4], now),
    );
    expect(scorePath(now, [], now)).toBe(1);
  });
});
