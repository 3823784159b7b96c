import type { RelationshipKind } from "./schemas.ts";

const SYMMETRIC_PLURAL: Partial<Record<RelationshipKind, string>> = {
  colleague: "colleagues",
  friend: "friends",
  partner: "partners",
  sibling: "siblings",
};

/** The role the edge's `from` plays for `to` ("parent"), and the one `to` plays for `from` ("child"). */
const ROLES: Record<RelationshipKind, { from: string; to: string }> = {
  knows: { from: "knows", to: "knows" },
  "introduced-by": { from: "introduced", to: "introducer" },
  colleague: { from: "colleague", to: "colleague" },
  friend: { from: "friend", to: "friend" },
  partner: { from: "partner", to: "partner" },
  parent: { from: "parent", to: "child" },
  sibling: { from: "sibling", to: "sibling" },
  grandparent: { from: "grandparent", to: "grandchild" },
};

/**
 * An edge read from one contact's side: the other person's role for them, and the sentence ("Ana is Leo's
 * parent", "Leo was introduced by Ana", "Ana and Leo are colleagues", "Ana knows Leo"). The sentence names `from`
 * first, whichever side reads it, so it reads the same on both pages.
 */
export function readEdge(
  edge: { kind: RelationshipKind; fromContactId: string },
  names: { from: string; to: string },
  viewerId: string,
): { role: string; sentence: string } {
  const role = viewerId === edge.fromContactId ? ROLES[edge.kind].to : ROLES[edge.kind].from;
  return { role, sentence: relationshipSentence(edge.kind, names.from, names.to) };
}

export function relationshipSentence(kind: RelationshipKind, from: string, to: string): string {
  const plural = SYMMETRIC_PLURAL[kind];
  if (plural) return `${from} and ${to} are ${plural}`;
  if (kind === "knows") return `${from} knows ${to}`;
  if (kind === "introduced-by") return `${from} was introduced by ${to}`;
  return `${from} is ${possessive(to)} ${kind}`;
}

const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** The key that makes an edge unique per account: its kind and its two ends, whatever the order they came in. */
export function pairKeyOf(kind: RelationshipKind, a: string, b: string): string {
  return a < b ? `${kind}:${a}:${b}` : `${kind}:${b}:${a}`;
}
