import type { RelationshipKind } from "./network-types.ts";

/** The tie between two hops of a path, in a word that reads either way ("Ana and Leo: colleagues"). */
const VIA_WORDS: Record<RelationshipKind, string> = {
  knows: "know each other",
  colleague: "colleagues",
  friend: "friends",
  partner: "partners",
  sibling: "siblings",
  parent: "parent and child",
  grandparent: "grandparent and grandchild",
  "introduced-by": "an introduction",
};

export function viaWords(kind: RelationshipKind): string {
  return VIA_WORDS[kind];
}

/** "1st degree", "2nd degree", … */
export function degreeLabel(degree: number): string {
  const suffix = degree === 1 ? "st" : degree === 2 ? "nd" : degree === 3 ? "rd" : "th";
  return `${degree}${suffix} degree`;
}

/** The path's score (0..1) as the member would say it. */
export function pathStrength(score: number): string {
  if (score >= 0.6) return "a strong, recent path";
  if (score >= 0.3) return "a fair path";
  return "a weak or stale path";
}

/** `truncated` in words: the search hit its bounds, so another path may exist. */
export const TRUNCATED_WORDS =
  "Kith stopped at its limits (4 steps, the best 20 paths, a bounded search): there may be other ways in.";
