import { z } from "zod";
import { timeZoneSchema } from "../accounts/schemas.ts";
import { isEmailAddress } from "./email-address.ts";
import { base64LengthFor, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES } from "./photo-bytes.ts";

const label = z.string().trim().max(40).optional();
const shortText = (max: number) => z.string().trim().max(max);

/** Internationalised addresses (UTF-8 local parts, IDN domains) are addresses: see `isEmailAddress`. */
export const emailAddressSchema = z
  .string()
  .trim()
  .max(254)
  .refine(isEmailAddress, "Email address must be an email address such as ada@example.com");
export const emailEntrySchema = z.strictObject({ address: emailAddressSchema, label });
export const phoneEntrySchema = z.strictObject({
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[0-9+().\-\s/x#*]+$/i, "has characters a phone number cannot have"),
  label,
});
export const linkEntrySchema = z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2048), label });

const isValidMonthDay = (month: number, day: number): boolean =>
  day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;

/** Month-day with an optional year: many people know a birthday but not the year. */
export const birthdaySchema = z
  .strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2100).nullable().optional(),
  })
  .refine((b) => isValidMonthDay(b.month, b.day), { message: "is not a day of that month", path: ["day"] })
  .refine((b) => b.year == null || b.month !== 2 || b.day !== 29 || isLeap(b.year), {
    message: "February 29 does not exist in that year",
    path: ["day"],
  });

/**
 * An anniversary or a custom date (a name day, the day they started a company): an occasion like a birthday.
 * The year is optional; a custom date's label names it in the today list.
 */
export const contactDateSchema = z
  .strictObject({
    kind: z.enum(["anniversary", "custom"]),
    label: z.string().trim().max(60).optional(),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2100).nullable().optional(),
  })
  .refine((d) => isValidMonthDay(d.month, d.day), { message: "is not a day of that month", path: ["day"] })
  .refine((d) => d.year == null || d.month !== 2 || d.day !== 29 || isLeap(d.year), {
    message: "February 29 does not exist in that year",
    path: ["day"],
  });
export type ContactDate = z.output<typeof contactDateSchema>;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export const circleKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "is not a circle key (lowercase letters, digits and dashes)");

export const tagSchema = z.string().trim().min(1).max(40);

export const cadenceOverrideSchema = z
  .strictObject({
    idealDays: z.number().int().min(1).max(3650),
    maxDays: z.number().int().min(1).max(3650),
  })
  .refine((c) => c.maxDays >= c.idealDays, { message: "must be at least idealDays", path: ["maxDays"] });

const contactFields = {
  /** A contact needs a first or a last name (see `hasAName`); a missing first name is stored as "". */
  firstName: shortText(100).optional(),
  lastName: shortText(100).optional(),
  emails: z.array(emailEntrySchema).max(20).optional(),
  phones: z.array(phoneEntrySchema).max(20).optional(),
  links: z.array(linkEntrySchema).max(20).optional(),
  companyId: z.string().max(64).nullable().optional(),
  title: shortText(200).optional(),
  tags: z.array(tagSchema).max(50).optional(),
  interests: z.array(tagSchema).max(50).optional(),
  howWeMet: shortText(2000).optional(),
  notes: z.string().max(100_000).optional(),
  birthday: birthdaySchema.nullable().optional(),
  /** Anniversaries and custom dates. */
  dates: z.array(contactDateSchema).max(20).optional(),
  circle: circleKeySchema.optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  /** Silences automatic reminders for this contact (explicit follow-ups still come). */
  muted: z.boolean().optional(),
  /** This contact's own ideal/max interval, beating its tags' and its circle's. */
  cadenceOverride: cadenceOverrideSchema.nullable().optional(),
};

/** Every field a contact takes, each with its limits, before the name rule (for checks of some fields alone). */
export const contactFieldsSchema = z.strictObject(contactFields);

export const NO_NAME_MESSAGE = "a contact needs a first or a last name";

/** At least one of first and last name is there and not blank. */
const hasAName = (c: { firstName?: string | undefined; lastName?: string | undefined }) =>
  Boolean(c.firstName?.trim() || c.lastName?.trim());

export const createContactSchema = z
  .strictObject(contactFields)
  .refine(hasAName, { message: NO_NAME_MESSAGE, path: ["firstName"] });
export type CreateContactInput = z.output<typeof createContactSchema>;

/** An edit may leave either name out; it may not blank both (a name given as "" with the other one blank). */
export const updateContactSchema = z
  .strictObject(contactFields)
  .refine((c) => !(c.firstName !== undefined && c.lastName !== undefined) || hasAName(c), {
    message: NO_NAME_MESSAGE,
    path: ["firstName"],
  });
export type UpdateContactInput = z.output<typeof updateContactSchema>;

export const contactSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  emails: z.array(z.object({ address: z.string(), label: z.string().optional() })),
  phones: z.array(z.object({ number: z.string(), label: z.string().optional() })),
  links: z.array(z.object({ url: z.string(), label: z.string().optional() })),
  companyId: z.string().nullable(),
  title: z.string(),
  tags: z.array(z.string()),
  interests: z.array(z.string()),
  howWeMet: z.string(),
  notes: z.string(),
  birthday: z.object({ month: z.number(), day: z.number(), year: z.number().nullable().optional() }).nullable(),
  dates: z.array(
    z.object({
      kind: z.enum(["anniversary", "custom"]),
      label: z.string().optional(),
      month: z.number(),
      day: z.number(),
      year: z.number().nullable().optional(),
    }),
  ),
  /** When the contact's photo was last set (GET /api/contacts/{id}/photo); null: no photo. */
  photoUpdatedAt: z.string().nullable(),
  circle: z.string(),
  timeZone: z.string().nullable(),
  muted: z.boolean(),
  cadenceOverride: z.object({ idealDays: z.number(), maxDays: z.number() }).nullable(),
  /** Derived from interactions, never typed. */
  lastTouchAt: z.string().nullable(),
  touchCount: z.number(),
  /** Touches that went both ways (inbound, mutual, or answered): what connection progress counts. */
  exchangeCount: z.number(),
  /** The stored due state: when this contact is next due, and why (kept by the engine). */
  nextDueOn: z.string().nullable(),
  dueReason: z.string().nullable(),
  /** Automatic reminders wait until this date (a snoozed or skipped today item). */
  snoozedUntilOn: z.string().nullable(),
  /**
   * The cadence does not fall due before this date (other reasons, such as a birthday, are not held): an import
   * spreads its new contacts' first due dates so that no day gets more than the daily cap of them.
   */
  cadenceFromOn: z.string().nullable(),
  movedOnAt: z.string().nullable(),
  moveOnNote: z.string().nullable(),
  /** The circle a move-on replaced; undo restores it. */
  circleBeforeMoveOn: z.string().nullable(),
  /** True when Kith made the move-on itself (the suggestion stood ignored for a week). */
  movedOnAutomatically: z.boolean(),
  /** When the owner last undid a move-on: Kith does not move them on again by itself for the outreach open then. */
  moveOnUndoneAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.output<typeof contactSchema>;

/**
 * A contact as lists show it (GET /api/contacts: the contacts page, search boxes, pickers, the CLI's table, the MCP
 * search): who they are and where they stand, read with a narrow select. The whole contact (phones, links, notes,
 * dates, cadence, move-on state) is GET /api/contacts/{id}'s.
 */
export const contactSummarySchema = contactSchema
  .pick({
    id: true,
    firstName: true,
    lastName: true,
    displayName: true,
    companyId: true,
    title: true,
    tags: true,
    photoUpdatedAt: true,
    circle: true,
    lastTouchAt: true,
    touchCount: true,
    exchangeCount: true,
    nextDueOn: true,
    archivedAt: true,
  })
  .extend({
    /** The company's name (null: no company). */
    companyName: z.string().nullable(),
    /** The first email address (null: none). */
    email: z.string().nullable(),
  });
export type ContactSummary = z.output<typeof contactSummarySchema>;

/**
 * A photo sent as JSON: its type and its bytes in base64 (≤ 512 KiB decoded). The service checks the bytes (base64,
 * size, magic number agreeing with `contentType`) and names `data` when they fail.
 */
export const setContactPhotoSchema = z.strictObject({
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  // Twice the limit: the service measures the decoded bytes and says "larger than 512 KiB" in words.
  data: z
    .string()
    .min(1)
    .max(2 * base64LengthFor(PHOTO_MAX_BYTES)),
});
export type SetContactPhotoInput = z.output<typeof setContactPhotoSchema>;

export const DEFAULT_CIRCLE = "network";

export const contactListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  tag: tagSchema.optional(),
  companyId: z.string().max(64).optional(),
  circle: circleKeySchema.optional(),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  /** Connection progress: no exchange yet, building toward the target, or connected (counted in exchanges). */
  progress: z.enum(["new", "building", "connected"]).optional(),
  /** Name (A–Z), last touch (most recent first, never-touched last) or next due (soonest first). */
  sort: z.enum(["name", "last-touch", "next-due"]).default("name"),
});
export type ContactListQuery = z.output<typeof contactListQuerySchema>;

export function displayNameOf(c: { firstName?: string | undefined; lastName?: string | undefined }): string {
  return [c.firstName ?? "", c.lastName ?? ""].join(" ").trim();
}
