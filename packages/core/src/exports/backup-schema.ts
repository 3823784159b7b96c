import { z } from "zod";
import { birthdaySchema, cadenceOverrideSchema } from "../contacts/schemas.ts";
import { FOLLOW_UP_STATUSES } from "../follow-ups/schemas.ts";
import { DIRECTIONS, INTERACTION_KINDS, INTERACTION_SOURCES } from "../interactions/schemas.ts";

/**
 * Kith's own backup of one account, version 1. Rows refer to each other by `ref` ("contact-3"), numbered in an
 * order that does not depend on ids, so a restore (which gives every row a new id) exports byte for byte the same.
 * Derived state (last touch, touch count, due items) is not in it: a restore recomputes it from history.
 */
export const BACKUP_VERSION = 1;

const ref = z.string().regex(/^[a-z-]+-\d+$/);
const text = z.string();
const instant = z.string().max(40);
const dateOn = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const backupCompanySchema = z.strictObject({
  ref,
  name: text,
  domain: text.nullable(),
  target: z.boolean(),
  notes: text,
  createdAt: instant,
  updatedAt: instant,
});

export const backupContactSchema = z.strictObject({
  ref,
  firstName: text,
  lastName: text,
  emails: z.array(z.strictObject({ address: text, label: text.optional() })),
  phones: z.array(z.strictObject({ number: text, label: text.optional() })),
  links: z.array(z.strictObject({ url: text, label: text.optional() })),
  companyRef: ref.nullable(),
  title: text,
  tags: z.array(text),
  interests: z.array(text),
  howWeMet: text,
  notes: text,
  birthday: birthdaySchema.nullable(),
  circle: text,
  timeZone: text.nullable(),
  muted: z.boolean(),
  cadenceOverride: cadenceOverrideSchema.nullable(),
  snoozedUntilOn: dateOn.nullable(),
  movedOnAt: instant.nullable(),
  moveOnNote: text.nullable(),
  circleBeforeMoveOn: text.nullable(),
  archivedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const backupInteractionSchema = z.strictObject({
  ref,
  contactRefs: z.array(ref).min(1),
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(DIRECTIONS),
  occurredAt: instant,
  summary: text,
  meaningful: z.boolean(),
  /** Absent in backups made before it existed: every outbound message then waited for a reply. */
  awaitsReply: z.boolean().default(true),
  source: z.enum(INTERACTION_SOURCES),
  createdAt: instant,
  updatedAt: instant,
});

export const backupFollowUpSchema = z.strictObject({
  ref,
  contactRef: ref,
  interactionRef: ref.nullable(),
  dueOn: dateOn,
  title: text,
  notes: text,
  status: z.enum(FOLLOW_UP_STATUSES),
  snoozedUntilOn: dateOn.nullable(),
  completedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const backupSchema = z.strictObject({
  format: z.literal("kith-backup"),
  version: z.literal(BACKUP_VERSION),
  account: z.strictObject({
    name: text,
    timeZone: text,
    country: text.nullable(),
    /** The account's settings as stored (cadences, circles, caps, mutes…). */
    settings: z.record(z.string(), z.unknown()),
  }),
  companies: z.array(backupCompanySchema),
  contacts: z.array(backupContactSchema),
  interactions: z.array(backupInteractionSchema),
  followUps: z.array(backupFollowUpSchema),
});
export type Backup = z.output<typeof backupSchema>;

export const restoreResultSchema = z.object({
  companies: z.number(),
  contacts: z.number(),
  interactions: z.number(),
  followUps: z.number(),
});
export type RestoreResult = z.output<typeof restoreResultSchema>;
