/**
 * How an edge reads in English, from either side. The API stores each edge once with a direction
 * ("<from> is <to>'s parent", "<from> was introduced by <to>"); a contact page speaks of *the other person's role*
 * for the contact it shows ("Ana is Leo's parent" on Leo's page, "Leo is Ana's child" on Ana's).
 */

/** The kinds the API stores (docs/openapi.json `RelationshipKind`), plus the company tie the graph draws. */
export type EdgeKind =
  | "knows"
  | "introduced-by"
  | "colleague"
  | "friend"
  | "partner"
  | "parent"
  | "sibling"
  | "grandparent"
  | "works-at";

/** The other person's role for the contact on screen, as the API reads an edge from one side. */
export type RelationshipRole =
  | "knows"
  | "friend"
  | "colleague"
  | "partner"
  | "sibling"
  | "parent"
  | "child"
  | "grandparent"
  | "grandchild"
  | "introducer"
  | "introduced";

export const RELATIONSHIP_ROLES: readonly RelationshipRole[] = [
  "knows",
  "friend",
  "colleague",
  "partner",
  "sibling",
  "parent",
  "child",
  "grandparent",
  "grandchild",
  "introducer",
  "introduced",
];

/** The other person's role as the form offers it; the sentence it gives is shown beside it (`roleSentence`). */
export const ROLE_LABELS: Record<RelationshipRole, string> = {
  knows: "Knows",
  friend: "Friend",
  colleague: "Colleague",
  partner: "Partner",
  sibling: "Sibling",
  parent: "Parent",
  child: "Child",
  grandparent: "Grandparent",
  grandchild: "Grandchild",
  introducer: "Introduced this person",
  introduced: "Was introduced by this person",
};

const SYMMETRIC_PLURALS: Partial<Record<EdgeKind, string>> = {
  colleague: "colleagues",
  friend: "friends",
  partner: "partners",
  sibling: "siblings",
};

/** One stored edge in words, from its own direction: "Ana is Leo's parent", "Ana and Leo are colleagues". */
export function edgeSentence(kind: EdgeKind, from: string, to: string): string {
  const plural = SYMMETRIC_PLURALS[kind];
  if (plural) return `${from} and ${to} are ${plural}`;
  switch (kind) {
    case "parent":
    case "grandparent":
      return `${from} is ${possessive(to)} ${kind}`;
    case "introduced-by":
      return `${from} was introduced by ${to}`;
    case "works-at":
      return `${from} works at ${to}`;
    default:
      return `${from} knows ${to}`;
  }
}

/**
 * The edge to store when the member says "<other> is <this>'s <role>": which way it points and its kind. The
 * asymmetric roles turn the edge around (a child is stored as the parent edge from this contact to the other).
 */
export function edgeForRole(
  role: RelationshipRole,
  thisId: string,
  otherId: string,
): { fromContactId: string; toContactId: string; kind: Exclude<EdgeKind, "works-at"> } {
  const ours = { fromContactId: thisId, toContactId: otherId };
  const theirs = { fromContactId: otherId, toContactId: thisId };
  switch (role) {
    case "parent":
      return { ...theirs, kind: "parent" };
    case "child":
      return { ...ours, kind: "parent" };
    case "grandparent":
      return { ...theirs, kind: "grandparent" };
    case "grandchild":
      return { ...ours, kind: "grandparent" };
    case "introducer":
      return { ...ours, kind: "introduced-by" };
    case "introduced":
      return { ...theirs, kind: "introduced-by" };
    default:
      return { ...ours, kind: role };
  }
}

/** The sentence a role gives, before the edge exists (the form's preview): "Ana is Leo's grandparent". */
export function roleSentence(role: RelationshipRole, thisName: string, otherName: string): string {
  const edge = edgeForRole(role, "this", "other");
  const name = (id: string) => (id === "this" ? thisName : otherName);
  return edgeSentence(edge.kind, name(edge.fromContactId), name(edge.toContactId));
}

export const STRENGTH_LABELS: Record<number, string> = {
  1: "faint tie",
  2: "weak tie",
  3: "steady tie",
  4: "close tie",
  5: "strong tie",
};

/** "since 2019" for a year alone (stored as its 1 January), else the month: "since March 2021". */
export function sinceLabel(sinceOn: string): string {
  const [year, month, day] = sinceOn.split("-");
  if (month === "01" && day === "01") return `since ${year}`;
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  return `since ${date.toLocaleDateString("en", { month: "long", year: "numeric" })}`;
}

/** The line under a relationship: "since 2019 · strong tie · met at the 2019 robotics fair". */
export function relationshipDetail(edge: { how: string; strength: number; sinceOn: string | null }): string {
  return [
    edge.sinceOn ? sinceLabel(edge.sinceOn) : null,
    STRENGTH_LABELS[edge.strength] ?? null,
    edge.how.trim() || null,
  ]
    .filter(Boolean)
    .join(" · ");
}

function possessive(name: string): string {
  return `${name}'s`;
}
