import { z } from "zod";
import { emailAddressSchema } from "../contacts/schemas.ts";
import type { AskStep } from "../engine/reasons.ts";
import { INTERACTION_KINDS } from "../interactions/schemas.ts";
import { saneInstant } from "../shared/sane-dates.ts";

/** asked → named → introduced → met → thanked, or declined. */
export const ASK_STATUSES = ["asked", "named", "introduced", "met", "thanked", "declined"] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];
export const ASK_ABOUT_KINDS = ["company", "role", "person", "other"] as const;
export type AskAboutKind = (typeof ASK_ABOUT_KINDS)[number];
/** Which of an ask's follow-ups a row is. */
export const ASK_STEPS = ["nudge", "thank", "how-it-went"] as const satisfies readonly AskStep[];
export type { AskStep };
/** Asks listed at most. */
export const ASKS_MAX = 500;
/** Names one ask keeps at most. */
export const ASK_NAMES_MAX = 50;

const id = z.string().min(1).max(64);

export const askAboutSchema = z
  .strictObject({
    kind: z.enum(ASK_ABOUT_KINDS),
    text: z.string().trim().max(300).optional(),
    companyId: id.nullable().optional(),
  })
  .refine((a) => (a.text ?? "") !== "" || !!a.companyId, {
    message: "Say what the ask is about: a text or a company",
    path: ["text"],
  });

export const addAskSchema = z.strictObject({
  contactId: id,
  about: askAboutSchema,
  note: z.string().trim().max(2000).optional(),
  askedAt: saneInstant.optional(),
});
export type AddAskInput = z.output<typeof addAskSchema>;

export const updateAskSchema = z.strictObject({
  about: askAboutSchema.optional(),
  note: z.string().trim().max(2000).optional(),
});

const nameText = z.string().trim().max(100);
export const addAskNameSchema = z.union([
  z.strictObject({ contactId: id }),
  z
    .strictObject({
      firstName: nameText.optional(),
      lastName: nameText.optional(),
      email: emailAddressSchema.optional(),
      companyId: id.optional(),
      title: z.string().trim().max(200).optional(),
    })
    .refine((n) => (n.firstName ?? "") !== "" || (n.lastName ?? "") !== "", {
      message: "A name needs a first or a last name",
      path: ["firstName"],
    }),
]);
export type AddAskNameInput = z.output<typeof addAskNameSchema>;

export const askStatusInputSchema = z.strictObject({
  status: z.enum(ASK_STATUSES),
  /** With "met": log the meeting with the names received, in the same act. */
  log: z
    .strictObject({
      kind: z.enum(INTERACTION_KINDS),
      summary: z.string().max(20_000).optional(),
    })
    .optional(),
});

export const askListQuerySchema = z.strictObject({
  status: z.enum(ASK_STATUSES).optional(),
  contactId: id.optional(),
});
export type AskListQuery = z.output<typeof askListQuerySchema>;

export const askNameSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  relationshipId: z.string().nullable(),
  receivedAt: z.string(),
});

export const askSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  about: z.object({
    kind: z.enum(ASK_ABOUT_KINDS),
    text: z.string(),
    companyId: z.string().nullable(),
    companyName: z.string().nullable(),
  }),
  note: z.string(),
  status: z.enum(ASK_STATUSES),
  askedAt: z.string(),
  statusChangedAt: z.string(),
  names: z.array(askNameSchema),
  followUps: z.array(
    z.object({ id: z.string(), step: z.enum(ASK_STEPS), title: z.string(), dueOn: z.string(), status: z.string() }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ask = z.output<typeof askSchema>;

export const askNameResultSchema = z.object({
  ask: askSchema,
  contact: z.object({ id: z.string(), displayName: z.string() }),
  relationshipId: z.string(),
});
