import { z } from "zod";
import { circleKeySchema, tagSchema } from "../contacts/schemas.ts";

/** How many people one campaign may hold: a batch a member can still review line by line. */
export const MAX_RECIPIENTS = 500;

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);
const line = (max: number) =>
  z.string().trim().max(max).refine(noLineBreaks, { message: "must be one line (no line breaks)" });

/** The occasion: the two the issue names, a holiday of the account's country (by the engine's id), or a name. */
export const occasionInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("thanksgiving") }),
  z.strictObject({ kind: z.literal("new-year") }),
  z.strictObject({ kind: z.literal("holiday"), holidayId: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal("custom"), name: line(100).pipe(z.string().min(1)) }),
]);
export type OccasionInput = z.output<typeof occasionInputSchema>;

export const OCCASION_KINDS = ["thanksgiving", "new-year", "holiday", "custom"] as const;

export const occasionSchema = z.object({
  kind: z.enum(OCCASION_KINDS),
  name: z.string(),
  holidayId: z.string().nullable(),
});
export type Occasion = z.output<typeof occasionSchema>;

/**
 * Who a campaign goes to: the contacts a list query of the API would give (circle, tag, company, search), without
 * archived and moved-on people unless asked for.
 */
export const segmentSchema = z.strictObject({
  circle: circleKeySchema.optional(),
  tag: tagSchema.optional(),
  companyId: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  includeArchived: z.boolean().default(false),
  includeMovedOn: z.boolean().default(false),
});
export type Segment = z.output<typeof segmentSchema>;

/** `email`: sent through the member's SMTP (only people with an address); `self`: the member sends and marks. */
export const CAMPAIGN_MODES = ["email", "self"] as const;
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];

export const createCampaignSchema = z.strictObject({
  name: line(200).pipe(z.string().min(1)).optional(),
  occasion: occasionInputSchema,
  segment: segmentSchema,
  mode: z.enum(CAMPAIGN_MODES).default("email"),
  templateId: z.string().min(1).max(200).nullable().optional(),
  /** Your update for the greeting; defaults to the account's `myUpdate`. */
  myUpdate: z.string().max(2000).optional(),
});
export type CreateCampaignInput = z.output<typeof createCampaignSchema>;

export const segmentPreviewSchema = z.strictObject({ segment: segmentSchema });

/** What changes in one pending message; an empty edit changes nothing. */
export const updateRecipientSchema = z.strictObject({
  personalLine: z.string().trim().max(1000).optional(),
  subject: line(300).pipe(z.string().min(1)).optional(),
  body: z.string().max(20_000).optional(),
});
export type UpdateRecipientInput = z.output<typeof updateRecipientSchema>;

export const CAMPAIGN_STATUSES = ["draft", "sending", "sent", "partly-sent"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A recipient's state. `sending`: claimed, its Message-ID recorded, the SMTP call under way. `unknown`: a sender
 * died between that record and the outcome: the member checks their Sent folder and marks it sent or sends again.
 */
export const RECIPIENT_STATUSES = [
  "pending",
  "sending",
  "sent",
  "marked-sent",
  "skipped",
  "failed",
  "unknown",
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const recipientSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  personalLine: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The member wrote the body themselves: a new personal line no longer re-renders it. */
  bodyEdited: z.boolean(),
  status: z.enum(RECIPIENT_STATUSES),
  /** Why it failed, was skipped or is unknown, in words; empty otherwise. */
  reason: z.string(),
  /** The Message-ID's key, recorded before the SMTP call. */
  sendKey: z.string().nullable(),
  interactionId: z.string().nullable(),
  sentAt: z.string().nullable(),
  position: z.number().int(),
});
export type Recipient = z.output<typeof recipientSchema>;

export const campaignCountsSchema = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  markedSent: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
});
export type CampaignCounts = z.output<typeof campaignCountsSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  occasion: occasionSchema,
  segment: segmentSchema,
  mode: z.enum(CAMPAIGN_MODES),
  templateId: z.string().nullable(),
  myUpdate: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** The member whose SMTP account sends it (set by "Send all"). */
  senderUserId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: campaignCountsSchema,
});
export type Campaign = z.output<typeof campaignSchema>;

export const campaignDetailSchema = campaignSchema.extend({ recipients: z.array(recipientSchema) });
export type CampaignDetail = z.output<typeof campaignDetailSchema>;

export const segmentPreviewResultSchema = z.object({
  /** Everyone the segment holds (what mark-as-sent mode would take). */
  count: z.number().int(),
  /** Those with an email address (what send mode would take). */
  withEmail: z.number().int(),
});
