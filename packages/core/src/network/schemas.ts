import { z } from "zod";
import { draftSchema } from "../messages/schemas.ts";
import { saneDateOn } from "../shared/sane-dates.ts";

/**
 * The kinds of relationship between two contacts. An edge reads "from is to's kind": parent, grandparent and
 * introduced-by are directed (their inverse is child, grandchild, "introduced"); the others read the same both ways.
 */
export const RELATIONSHIP_KINDS = [
  "knows",
  "introduced-by",
  "colleague",
  "friend",
  "partner",
  "parent",
  "sibling",
  "grandparent",
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const STRENGTH_MIN = 1;
export const STRENGTH_MAX = 5;
export const STRENGTH_DEFAULT = 3;
/** Relationships one contact's page lists at most. */
export const CONTACT_RELATIONSHIPS_MAX = 500;

const contactId = z.string().min(1).max(64);
const how = z.string().trim().max(500);
const strength = z.number().int().min(STRENGTH_MIN).max(STRENGTH_MAX);

export const addRelationshipSchema = z.strictObject({
  fromContactId: contactId,
  toContactId: contactId,
  kind: z.enum(RELATIONSHIP_KINDS),
  how: how.optional(),
  strength: strength.optional(),
  sinceOn: saneDateOn.nullable().optional(),
});
export type AddRelationshipInput = z.output<typeof addRelationshipSchema>;

export const updateRelationshipSchema = z.strictObject({
  how: how.optional(),
  strength: strength.optional(),
  sinceOn: saneDateOn.nullable().optional(),
});
export type UpdateRelationshipInput = z.output<typeof updateRelationshipSchema>;

export const relationshipSchema = z.object({
  id: z.string(),
  fromContactId: z.string(),
  toContactId: z.string(),
  kind: z.enum(RELATIONSHIP_KINDS),
  how: z.string(),
  strength: z.number().int(),
  sinceOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Relationship = z.output<typeof relationshipSchema>;

export const contactRelationshipSchema = relationshipSchema.extend({
  other: z.object({ id: z.string(), displayName: z.string() }),
  /** The other person's role for this contact: parent, child, grandparent, grandchild, introducer, introduced … */
  role: z.string(),
  /** In words: "Ana is Leo's parent", "Leo was introduced by Ana", "Ana and Leo are colleagues". */
  sentence: z.string(),
});
export type ContactRelationship = z.output<typeof contactRelationshipSchema>;

/** At most this many contacts between the member and a target (1 = someone the member knows). */
export const PATH_DEGREE_MAX = 4;
/** Paths answered at most. */
export const PATHS_MAX = 20;
/** Nodes a neighbourhood answers at most. */
export const NEIGHBOURHOOD_NODES_MAX = 150;

/** `contact:<id>` or `company:<id>`. */
export const networkTargetSchema = z
  .string()
  .max(80)
  .regex(/^(contact|company):[^\s:]{1,64}$/, 'must be "contact:<id>" or "company:<id>"');
export interface NetworkTarget {
  kind: "contact" | "company";
  id: string;
}
/** A target as checked by the schema, split (the schema stays a plain string so a query parses the same twice). */
export function targetOf(value: string): NetworkTarget {
  const [kind, id] = value.split(":") as ["contact" | "company", string];
  return { kind, id };
}

// Optional in the schema so that the route authenticates before it answers; the services say it is missing.
export const pathQuerySchema = z.strictObject({ to: networkTargetSchema.optional() });
export const neighbourhoodQuerySchema = z.strictObject({
  around: networkTargetSchema.optional(),
  depth: z.coerce.number().int().min(1).max(2).default(1),
});

export const pathHopSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  /** The kind of edge from the previous hop; null on the first hop (the member's own tie). */
  via: z.enum(RELATIONSHIP_KINDS).nullable(),
});
export const networkPathSchema = z.object({
  hops: z.array(pathHopSchema),
  degree: z.number().int(),
  /** 0..1, higher first: how recent the member's last touch with the first hop is, times the edges' strengths. */
  score: z.number(),
});
export type NetworkPath = z.output<typeof networkPathSchema>;

export const targetRefSchema = z.object({
  kind: z.enum(["contact", "company"]),
  id: z.string(),
  name: z.string(),
});

export const pathsResultSchema = z.object({
  target: targetRefSchema,
  paths: z.array(networkPathSchema),
  truncated: z.boolean(),
});
export type PathsResult = z.output<typeof pathsResultSchema>;

export const neighbourhoodSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["contact", "company"]),
      label: z.string(),
      firstDegree: z.boolean(),
      centre: z.boolean(),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      kind: z.enum([...RELATIONSHIP_KINDS, "works-at"]),
    }),
  ),
  truncated: z.boolean(),
});
export type Neighbourhood = z.output<typeof neighbourhoodSchema>;

const personRef = z.object({ contactId: z.string(), displayName: z.string() });

export const whoDoYouKnowSchema = z.object({
  company: z.object({ id: z.string(), name: z.string() }),
  degrees: z.array(
    z.object({
      degree: z.number().int(),
      people: z.array(
        personRef.extend({
          title: z.string().nullable(),
          /** The best path's hops before this person, the one the member knows first ([] at degree 1). */
          through: z.array(personRef),
          score: z.number(),
        }),
      ),
    }),
  ),
  /** A drafted "who do you know at …?" to the best first hop, or null when nobody leads there. */
  ask: personRef.extend({ draft: draftSchema }).nullable(),
  truncated: z.boolean(),
});
export type WhoDoYouKnow = z.output<typeof whoDoYouKnowSchema>;
