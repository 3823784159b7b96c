import { z } from "zod";
import { saneInstant } from "../shared/sane-dates.ts";

export const INTERACTION_KINDS = ["email", "call", "meeting", "message", "letter", "social", "other"] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const DIRECTIONS = ["outbound", "inbound", "mutual"] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const INTERACTION_SOURCES = ["manual", "import", "mailbox", "calendar", "api"] as const;

/**
 * Whether a kind counts as a touch when the user does not say. A like or an auto-greeting on social media
 * is not a real exchange; everything else is, until the user says otherwise.
 */
export const MEANINGFUL_BY_KIND: Record<InteractionKind, boolean> = {
  email: true,
  call: true,
  meeting: true,
  message: true,
  letter: true,
  social: false,
  other: true,
};

/** Kinds where both sides talked: nothing waits for a reply. */
const CONVERSATION_KINDS: ReadonlySet<InteractionKind> = new Set(["call", "meeting"]);

/**
 * What a "done" records when the user does not say: a call or a meeting was a conversation (mutual); a written
 * message went out (outbound), and waits for a reply only when the user says it does.
 */
export function doneDirectionOf(kind: InteractionKind): Direction {
  return CONVERSATION_KINDS.has(kind) ? "mutual" : "outbound";
}

const instant = saneInstant;

/** A template's id as drafts carry it: `default:…` or an own `tpl_…`. */
export const templateIdInput = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\x21-\x7e]+$/, "must be a template's id, such as default:check-in");

const interactionFields = {
  contactIds: z.array(z.string().max(64)).min(1).max(50),
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(DIRECTIONS),
  occurredAt: instant,
  summary: z.string().max(20_000).optional(),
  meaningful: z.boolean().optional(),
  /**
   * An outbound message that waits for a reply opens (or continues) an outreach, with nudges; default true. A
   * greeting or a thank-you that waits for nothing says false: still a touch, no nudges.
   */
  awaitsReply: z.boolean().optional(),
  source: z.enum(INTERACTION_SOURCES).optional(),
  /**
   * A message sent from a draft: the template it started from (a draft's `templateId`), for the reply rate by
   * template. An id that names no template (deleted since the draft was written) is kept, without a name.
   */
  templateId: templateIdInput.optional(),
};

export const logInteractionSchema = z.strictObject({
  ...interactionFields,
  occurredAt: instant.optional(),
});
export type LogInteractionInput = z.output<typeof logInteractionSchema>;

export const updateInteractionSchema = z.strictObject({
  contactIds: interactionFields.contactIds.optional(),
  kind: interactionFields.kind.optional(),
  direction: interactionFields.direction.optional(),
  occurredAt: instant.optional(),
  summary: interactionFields.summary,
  meaningful: interactionFields.meaningful,
  awaitsReply: interactionFields.awaitsReply,
});
export type UpdateInteractionInput = z.output<typeof updateInteractionSchema>;

export const interactionSchema = z.object({
  id: z.string(),
  contactIds: z.array(z.string()),
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(DIRECTIONS),
  occurredAt: z.string(),
  summary: z.string(),
  meaningful: z.boolean(),
  /** Outbound only: whether it waits for a reply (an outreach with nudges). */
  awaitsReply: z.boolean(),
  source: z.enum(INTERACTION_SOURCES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A message sent from a draft: the template it started from, and that template's name when it was sent. */
  templateId: z.string().nullable().optional(),
  templateName: z.string().nullable().optional(),
});
export type Interaction = z.output<typeof interactionSchema>;

export const interactionListQuerySchema = z.strictObject({
  contactId: z.string().max(64).optional(),
});
