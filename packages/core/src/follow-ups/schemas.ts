import { z } from "zod";
import { ASK_STEPS } from "../asks/schemas.ts";
import { DIRECTIONS, INTERACTION_KINDS, templateIdInput } from "../interactions/schemas.ts";
import { saneDateOn } from "../shared/sane-dates.ts";

export const FOLLOW_UP_STATUSES = ["open", "done", "snoozed", "skipped"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const dateOn = saneDateOn;

export const addFollowUpSchema = z.strictObject({
  contactId: z.string().max(64),
  dueOn: dateOn,
  title: z.string().trim().min(1).max(300),
  notes: z.string().max(10_000).optional(),
  opportunityId: z.string().max(64).nullable().optional(),
  askId: z.string().max(64).nullable().optional(),
});
export type AddFollowUpInput = z.output<typeof addFollowUpSchema>;

/**
 * Done can log the interaction in the same act: one transaction, one touch. It records what happened: by default a
 * call or a meeting is mutual and a message outbound (`doneDirectionOf`); an outbound message opens an outreach
 * (nudges until answered) only when `awaitsReply` says it waits for a reply.
 */
export const completeFollowUpSchema = z.strictObject({
  log: z
    .strictObject({
      kind: z.enum(INTERACTION_KINDS),
      direction: z.enum(DIRECTIONS).optional(),
      summary: z.string().max(20_000).optional(),
      meaningful: z.boolean().optional(),
      awaitsReply: z.boolean().default(false),
      /** Done by sending a draft: the template it started from (see `logInteractionSchema`). */
      templateId: templateIdInput.optional(),
    })
    .optional(),
});
export type CompleteFollowUpInput = z.output<typeof completeFollowUpSchema>;

export const snoozeFollowUpSchema = z.union([
  z.strictObject({ untilOn: dateOn }),
  z.strictObject({ days: z.number().int().min(1).max(365) }),
]);
export type SnoozeFollowUpInput = z.output<typeof snoozeFollowUpSchema>;

export const followUpSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  dueOn: z.string(),
  title: z.string(),
  notes: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  snoozedUntilOn: z.string().nullable(),
  completedAt: z.string().nullable(),
  interactionId: z.string().nullable(),
  opportunityId: z.string().nullable(),
  askId: z.string().nullable(),
  /** Which of its ask's follow-ups this is (nudge, thank, how-it-went); only on an ask's follow-ups. */
  askStep: z.enum(ASK_STEPS).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FollowUp = z.output<typeof followUpSchema>;

export const followUpListQuerySchema = z.strictObject({
  contactId: z.string().max(64).optional(),
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  dueBeforeOn: dateOn.optional(),
});
export type FollowUpListQuery = z.output<typeof followUpListQuerySchema>;
