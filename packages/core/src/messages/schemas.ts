import { z } from "zod";

/** How many of an account's own templates are read for drafts (the library's limit). */
export const MAX_OWN_TEMPLATES = 200;

/**
 * The reasons a template fits: the today list's template slots (a nudge numbered 1–3), and the moments a member
 * writes by themselves (a thank-you after a meeting, a new role, a campaign).
 */
export const TEMPLATE_SLOTS = [
  "check-in",
  "nudge-1",
  "nudge-2",
  "nudge-3",
  "move-on",
  "birthday",
  "anniversary",
  "holiday",
  "occasion",
  "follow-up",
  "opportunity",
  "ask",
  "ask-insider",
  "article",
  "thank-you-meeting",
  "thank-you-interview",
  "new-role",
  "introducer-thanks",
  "introducer-update",
  "campaign",
  "status-check",
  "keep-in-touch",
  "thank-you-referral",
] as const;
export type DraftSlot = (typeof TEMPLATE_SLOTS)[number];

export const TEMPLATE_CHANNELS = ["email", "message", "any"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** A template's source: at most this many characters of Liquid in its body. */
export const TEMPLATE_BODY_MAX = 10_000;
/** A subject's source; the rendered subject is cut at `SUBJECT_MAX`. */
export const TEMPLATE_SUBJECT_MAX = 500;
export const SUBJECT_MAX = 200;
/** A rendered body never grows past this, whatever a loop does. */
export const BODY_OUTPUT_MAX = 20_000;
/** The account setting `myUpdate`: "a little update" for greetings. */
export const MY_UPDATE_MAX = 2000;

const name = z.string().trim().min(1).max(100);
const slots = z.array(z.enum(TEMPLATE_SLOTS)).max(TEMPLATE_SLOTS.length);

export const createTemplateSchema = z.strictObject({
  name,
  channel: z.enum(TEMPLATE_CHANNELS).default("any"),
  slots: slots.default([]),
  subject: z.string().max(TEMPLATE_SUBJECT_MAX).default(""),
  body: z.string().min(1).max(TEMPLATE_BODY_MAX),
});
export type CreateTemplateInput = z.output<typeof createTemplateSchema>;

export const updateTemplateSchema = z.strictObject({
  name: name.optional(),
  channel: z.enum(TEMPLATE_CHANNELS).optional(),
  slots: slots.optional(),
  subject: z.string().max(TEMPLATE_SUBJECT_MAX).optional(),
  body: z.string().min(1).max(TEMPLATE_BODY_MAX).optional(),
});
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;

export const templateSchema = z.object({
  /** `default:<name>` for Kith's defaults (an edit keeps the id and overrides it for this account). */
  id: z.string(),
  name: z.string(),
  channel: z.enum(TEMPLATE_CHANNELS),
  slots: z.array(z.enum(TEMPLATE_SLOTS)),
  subject: z.string(),
  body: z.string(),
  /** One of Kith's defaults (possibly edited: `customized`). */
  isDefault: z.boolean(),
  /** A default this account edited; restoring it brings Kith's text back. */
  customized: z.boolean(),
  /** A default this account deleted: not offered for drafts until restored. */
  hidden: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Template = z.output<typeof templateSchema>;

export const templateListSchema = z.object({ items: z.array(templateSchema) });

export const templateIdParams = z.object({ id: z.string().min(1).max(100) });

/** What a draft is: plain text, a subject without line breaks and never empty. */
export const draftSchema = z.object({
  templateId: z.string().nullable(),
  templateName: z.string(),
  channel: z.enum(TEMPLATE_CHANNELS),
  subject: z.string(),
  body: z.string(),
});
export type Draft = z.output<typeof draftSchema>;

const text = (max: number) => z.string().max(max);

export const articleRefSchema = z.strictObject({
  title: text(500),
  url: text(2000),
  description: text(2000).default(""),
});

export const draftQuerySchema = z.strictObject({
  slot: z.enum(TEMPLATE_SLOTS).optional(),
  templateId: z.string().min(1).max(100).optional(),
});

export const draftOptionsSchema = z.strictObject({
  slot: z.enum(TEMPLATE_SLOTS).optional(),
  templateId: z.string().min(1).max(100).optional(),
  article: articleRefSchema.optional(),
  personalLine: text(2000).optional(),
  occasion: z.strictObject({ name: text(200) }).optional(),
  company: text(200).optional(),
});
export type DraftOptions = z.input<typeof draftOptionsSchema>;

/** Renders a template's text for a chosen contact, or for a sample person when none is given. */
export const previewTemplateSchema = z.strictObject({
  subject: z.string().max(TEMPLATE_SUBJECT_MAX).default(""),
  body: z.string().min(1).max(TEMPLATE_BODY_MAX),
  contactId: z.string().min(1).max(64).optional(),
  slot: z.enum(TEMPLATE_SLOTS).optional(),
});
