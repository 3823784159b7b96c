import type { RelationshipKind } from "../../network/schemas.ts";

/**
 * Who a named person is to the row's person, as a file says it: "Introduced by", "Spouse", "Mother", "Children",
 * "Colleague of"… Each becomes a relationship once the name is found among the contacts (`plan/relation-links.ts`).
 */
export const RELATION_ROLES = [
  "introducedBy",
  "partner",
  "parent",
  "child",
  "sibling",
  "grandparent",
  "grandchild",
  "colleague",
  "friend",
  "knows",
] as const;
export type RelationRole = (typeof RELATION_ROLES)[number];

/**
 * The column fields that name people: a role each, and `relation`, a value whose role is in the column beside it
 * (Google Contacts' "Relation 1 - Value" with its "Relation 1 - Label", or "- Type" in the older export).
 */
export const RELATION_FIELDS = [...RELATION_ROLES, "relation"] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];

/** A name a row gives for someone, with who they are to the row's person; `how` keeps the file's own word. */
export interface RelationRef {
  /** The column (CSV) or property (vCard) it came from. */
  field: string;
  role: RelationRole;
  name: string;
  how: string;
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Words of a header or label (normalised: lower case, letters and digits) → the role. */
const ROLE_WORDS: Record<string, RelationRole> = {
  introducedby: "introducedBy",
  referredby: "introducedBy",
  metthrough: "introducedBy",
  introducer: "introducedBy",
  spouse: "partner",
  partner: "partner",
  husband: "partner",
  wife: "partner",
  domesticpartner: "partner",
  mother: "parent",
  father: "parent",
  parent: "parent",
  parents: "parent",
  mom: "parent",
  dad: "parent",
  child: "child",
  children: "child",
  son: "child",
  daughter: "child",
  kids: "child",
  sibling: "sibling",
  siblings: "sibling",
  brother: "sibling",
  sister: "sibling",
  grandparent: "grandparent",
  grandparents: "grandparent",
  grandmother: "grandparent",
  grandfather: "grandparent",
  grandchild: "grandchild",
  grandchildren: "grandchild",
  grandson: "grandchild",
  granddaughter: "grandchild",
  colleague: "colleague",
  colleagues: "colleague",
  colleagueof: "colleague",
  coworker: "colleague",
  coworkers: "colleague",
  coworkerof: "colleague",
  manager: "colleague",
  managersname: "colleague",
  assistant: "colleague",
  assistantsname: "colleague",
  friend: "friend",
  friends: "friend",
  friendof: "friend",
  knows: "knows",
  acquaintance: "knows",
};

/** Words that say only the kind: the relationship's `how` stays empty for them. */
const PLAIN_WORDS = new Set([
  "introducedby",
  "partner",
  "parent",
  "parents",
  "child",
  "children",
  "sibling",
  "siblings",
  "grandparent",
  "grandparents",
  "grandchild",
  "grandchildren",
  "colleague",
  "colleagues",
  "colleagueof",
  "friend",
  "friends",
  "friendof",
  "knows",
]);

/** A CSV header's relation field, if it names people: "Introduced by", "Spouse", "Relation 2 - Value"… */
export function relationFieldOfHeader(header: string): RelationField | null {
  const k = key(header);
  if (/^relation\d*value$/.test(k)) return "relation";
  return ROLE_WORDS[k] ?? null;
}

/** What a column's own header says besides the kind ("Mother" → "mother", "Spouse" → "spouse"). */
export function howOfWord(word: string): string {
  const cleaned = word.replace(/^_\$!<(.*)>!\$_$/, "$1").trim();
  return PLAIN_WORDS.has(key(cleaned)) ? "" : cleaned.toLowerCase().slice(0, 500);
}

/**
 * A label's role (Google's "Relation N - Label", a vCard 4 RELATED;TYPE=, Apple's X-ABLabel of X-ABRELATEDNAMES):
 * a known word is its role, anything else (a custom label, "relative", "neighbor", none) is someone they know,
 * with the label kept as how.
 */
export function roleOfLabel(label: string): { role: RelationRole; how: string } {
  const cleaned = label.replace(/^_\$!<(.*)>!\$_$/, "$1").trim();
  const k = key(cleaned);
  return { role: ROLE_WORDS[k] ?? "knows", how: howOfWord(cleaned) };
}

/** vCard 4's RELATED types (RFC 6350 §6.6.6) that name a role; the others are someone they know. */
const VCARD_TYPES: Record<string, RelationRole> = {
  spouse: "partner",
  sweetheart: "partner",
  child: "child",
  parent: "parent",
  sibling: "sibling",
  friend: "friend",
  coworker: "colleague",
  colleague: "colleague",
  acquaintance: "knows",
  contact: "knows",
  met: "knows",
};

/** vCard types that say no more than their role. */
const PLAIN_TYPES = new Set([
  "child",
  "parent",
  "sibling",
  "friend",
  "coworker",
  "colleague",
  "acquaintance",
  "contact",
]);

/** The role of a vCard RELATED's TYPE list (`spouse`, `co-worker`, `friend,met`…): the first that names one. */
export function roleOfVcardTypes(types: readonly string[]): { role: RelationRole; how: string } {
  const words = types
    .flatMap((t) => t.split(","))
    .map((t) => t.trim())
    .filter(Boolean);
  for (const word of words) {
    const role = VCARD_TYPES[key(word)];
    if (role) return { role, how: PLAIN_TYPES.has(key(word)) ? "" : word.toLowerCase() };
  }
  return { role: "knows", how: howOfWord(words[0] ?? "") };
}

/** The names in a cell: several are separated by `;`, `,` or Google's ` ::: `. */
export function namesIn(cell: string): string[] {
  const names = cell
    .split(/\s+:::\s+|[;,]/)
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter((n) => n !== "");
  return [...new Set(names)].slice(0, 50);
}

/** The names a cell gives for one role, as references. */
export function refsOf(field: string, role: RelationRole, cell: string, how = ""): RelationRef[] {
  return namesIn(cell).map((name) => ({ field, role, name: name.slice(0, 200), how }));
}

/**
 * The relationship a reference makes between the row's contact and the contact its name is: an edge reads "from is
 * to's kind", so a parent named by a row is the edge's `from`, a child named by a row its `to`.
 */
export function edgeOf(
  rowContactId: string,
  namedId: string,
  ref: Pick<RelationRef, "role" | "how">,
): { fromContactId: string; toContactId: string; kind: RelationshipKind; how: string } {
  const edge = (fromContactId: string, toContactId: string, kind: RelationshipKind) => ({
    fromContactId,
    toContactId,
    kind,
    how: ref.how,
  });
  switch (ref.role) {
    case "introducedBy":
      return edge(rowContactId, namedId, "introduced-by");
    case "parent":
      return edge(namedId, rowContactId, "parent");
    case "child":
      return edge(rowContactId, namedId, "parent");
    case "grandparent":
      return edge(namedId, rowContactId, "grandparent");
    case "grandchild":
      return edge(rowContactId, namedId, "grandparent");
    default:
      return edge(rowContactId, namedId, ref.role);
  }
}

/** How a reference reads in the preview and the report: "Leo's mother: Ana Ibáñez". */
export function roleWords(ref: Pick<RelationRef, "role" | "how">): string {
  if (ref.how) return ref.how;
  const words: Record<RelationRole, string> = {
    introducedBy: "introduced by",
    partner: "partner",
    parent: "parent",
    child: "child",
    sibling: "sibling",
    grandparent: "grandparent",
    grandchild: "grandchild",
    colleague: "colleague",
    friend: "friend",
    knows: "knows",
  };
  return words[ref.role];
}
