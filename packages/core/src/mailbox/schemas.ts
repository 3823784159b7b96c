import { z } from "zod";
import { emailAddressSchema } from "../contacts/schemas.ts";
import { isLoopbackHost, smtpHostSchema } from "../messages/send/send-schemas.ts";
import { saneDateOn } from "../shared/sane-dates.ts";

/** An IMAP folder path as the server names it (one line, no control characters). */
const folderPath = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must be one line, without control characters");

/** The member's IMAP mailbox as they set it (PUT /api/me/mailbox, `kith mailbox connect`). */
export const mailboxInputSchema = z
  .strictObject({
    host: smtpHostSchema,
    port: z.number().int().min(1).max(65535).default(993),
    /** true: implicit TLS (usually port 993); false: STARTTLS, required unless the server is on this machine. */
    tls: z.boolean().default(true),
    user: z.string().trim().min(1).max(320),
    /** Omitted or empty: the saved password is kept. Never returned. */
    password: z.string().max(1000).optional(),
    /** Empty: the inbox and the special-use Sent folder. */
    folders: z.array(folderPath).max(20).default([]),
    /** Mail before this day is not read. Default: 30 days before the first save. */
    startOn: saneDateOn.optional(),
    /** Keep each logged message's text (only the member's own mailbox rows; never shown to others). */
    storeBodies: z.boolean().default(false),
    /** Make a contact of a frequent unknown correspondent without asking. */
    autoCreate: z.boolean().default(false),
    /** The member's other addresses (their sign-in address is always theirs). */
    aliases: z.array(emailAddressSchema).max(20).default([]),
    /** BCC-to-log: messages in this folder are logged to their To/Cc contacts. */
    logFolder: folderPath.nullable().default(null),
    /** BCC-to-log: messages sent to this address (a plus-address of the member's, e.g. ada+kith@example.com). */
    logAddress: emailAddressSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (!v.tls && v.port === 993) {
      ctx.addIssue({ code: "custom", path: ["tls"], message: "Port 993 speaks TLS: turn TLS on or use port 143" });
    }
  });
export type MailboxInput = z.output<typeof mailboxInputSchema>;

/** Whether a plain connection must be upgraded with STARTTLS (anywhere but this machine). */
export const requiresStartTls = (host: string, tls: boolean) => !tls && !isLoopbackHost(host);

export const mailboxSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  tls: z.boolean(),
  user: z.string(),
  passwordSet: z.boolean(),
  folders: z.array(z.string()),
  startOn: z.string(),
  storeBodies: z.boolean(),
  autoCreate: z.boolean(),
  aliases: z.array(z.string()),
  logFolder: z.string().nullable(),
  logAddress: z.string().nullable(),
  updatedAt: z.string(),
});
export type Mailbox = z.output<typeof mailboxSchema>;
export const mailboxAnswerSchema = z.object({ mailbox: mailboxSchema.nullable() });

export const MAILBOX_STATES = ["waiting", "syncing", "ok", "failing"] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

export const mailboxStatusSchema = z.object({
  /** waiting: not synced yet or asked to sync now; syncing: a run holds it; ok: the last run passed; failing. */
  state: z.enum(MAILBOX_STATES),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  /** What went wrong, in words (never the server's own text). */
  error: z.string().nullable(),
  counts: z.object({
    /** Messages read into Kith from this mailbox. */
    messages: z.number().int(),
    /** Interactions logged from them. */
    logged: z.number().int(),
    /** Open suggestions (unknown correspondents with two messages or more). */
    suggestions: z.number().int(),
  }),
});
export type MailboxStatus = z.output<typeof mailboxStatusSchema>;
export const mailboxStatusAnswerSchema = z.object({ status: mailboxStatusSchema.nullable() });

export const mailboxTestResultSchema = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type MailboxTestResult = z.output<typeof mailboxTestResultSchema>;

export const disconnectQuerySchema = z.strictObject({
  /** true (default): the interactions the mailbox logged stay; false: they are removed. */
  keep: z.enum(["true", "false"]).default("true"),
});

export const suggestionSchema = z.object({
  /** As a calendar wrote it when one did (an internationalised address kept as given), else as compared. */
  address: z.string(),
  name: z.string().nullable(),
  /** Messages and meetings together. */
  count: z.number().int(),
  /** Messages with them the mailbox read. */
  messages: z.number().int(),
  /** Past meetings with them in the member's calendars. */
  meetings: z.number().int(),
  lastAt: z.string(),
});
export type Suggestion = z.output<typeof suggestionSchema>;
export const suggestionListSchema = z.object({ suggestions: z.array(suggestionSchema) });

export const suggestionParamsSchema = z.strictObject({ address: emailAddressSchema });

export const acceptSuggestionSchema = z.strictObject({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
});
export const acceptSuggestionResultSchema = z.object({
  contactId: z.string(),
  /** Interactions the new contact was logged to: `messages` + `meetings`. */
  logged: z.number().int(),
  messages: z.number().int(),
  meetings: z.number().int(),
});

export const syncResultSchema = z.object({
  messages: z.number().int(),
  logged: z.number().int(),
  error: z.string().nullable(),
});
export type SyncResult = z.output<typeof syncResultSchema>;
