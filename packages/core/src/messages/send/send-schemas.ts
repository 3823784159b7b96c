import { z } from "zod";
import { emailAddressSchema } from "../../contacts/schemas.ts";
import { templateIdInput } from "../../interactions/schemas.ts";

/** How the connection to the member's mail server is protected; `none` only for a server on this machine. */
export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** A host name (ASCII labels; an internationalised name in its xn-- form), an IPv4 address or an IPv6 address. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6 = /^\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?$/;

/** Whether a host is this machine (a plain connection is allowed only there: nothing crosses a network). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** One line of a header: no CR, LF or other control character (nothing can start a header of its own). */
const headerText = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "must be one line, without control characters");

export const smtpHostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine(
    (h) => HOST.test(h) || IPV6.test(h),
    "Host must be a host name such as smtp.example.com or an IP address (an internationalised name in its xn-- form)",
  );

export const memberSmtpInputSchema = z
  .strictObject({
    host: smtpHostSchema,
    port: z.number().int().min(1).max(65535),
    /** `tls`: implicit TLS (usually port 465); `starttls`: upgraded, required (587); `none`: loopback only. */
    security: z.enum(SMTP_SECURITY),
    /** Empty: the server takes mail without signing in (a relay on the LAN). */
    user: headerText(320).default(""),
    /** Omitted: the saved password is kept. Never returned. */
    password: z.string().max(1000).optional(),
    fromName: headerText(200)
      .transform((s) => s.trim())
      .default(""),
    fromAddress: emailAddressSchema,
  })
  .superRefine((v, ctx) => {
    if (v.security === "none" && !isLoopbackHost(v.host)) {
      ctx.addIssue({
        code: "custom",
        path: ["security"],
        message:
          "A connection without TLS is only allowed to a server on this machine (localhost); choose TLS or STARTTLS",
      });
    }
  });
export type MemberSmtpInput = z.output<typeof memberSmtpInputSchema>;

/** The member's own mail account as the API shows it: the password only as whether one is saved. */
export const memberSmtpSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SMTP_SECURITY),
  user: z.string(),
  passwordSet: z.boolean(),
  fromName: z.string(),
  fromAddress: z.string(),
  updatedAt: z.string(),
});
export type MemberSmtp = z.output<typeof memberSmtpSchema>;

export const memberSmtpAnswerSchema = z.object({ smtp: memberSmtpSchema.nullable() });

/** What a connection test found: `error` says in words what failed (never the server's own text). */
export const smtpTestResultSchema = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type SmtpTestResult = z.output<typeof smtpTestResultSchema>;

const contactId = z.string().min(1).max(64);
const body = z.string().max(100_000);
const awaitsReply = z.boolean().optional();
/** The draft's template (its `templateId`), kept on the logged message for the reply rate by template. */
const templateId = templateIdInput.optional();
/** The saved article the message shares: Kith no longer suggests it to this contact (its Today item goes). */
const articleId = z.string().min(1).max(64).optional();

export const sendMessageSchema = z.strictObject({
  contactId,
  /** One of the contact's addresses; the first one when omitted. */
  to: emailAddressSchema.optional(),
  subject: headerText(998).refine((s) => s.trim() !== "", "Subject must not be empty"),
  body,
  /** Default true: the message opens (or continues) an outreach, with nudges until they answer. */
  awaitsReply,
  articleId,
  /** The same key sends once: a retried request answers what the first one did. */
  idempotencyKey: z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
    .optional(),
  templateId,
});
export type SendMessageInput = z.output<typeof sendMessageSchema>;

export const sendMessageResultSchema = z.object({ interactionId: z.string(), messageId: z.string() });
export type SendMessageResult = z.output<typeof sendMessageResultSchema>;

/** A message the member sent themselves (copied, or opened in their mail app): "did you send it?" → yes. */
export const recordSentSchema = z.strictObject({
  contactId,
  /** A draft's channel as it is: `any` (text copied somewhere) is logged as a message. */
  channel: z.enum(["email", "message", "any"]),
  subject: headerText(998).default(""),
  body,
  awaitsReply,
  templateId,
  articleId,
});
export type RecordSentInput = z.output<typeof recordSentSchema>;

export const recordSentResultSchema = z.object({ interactionId: z.string() });
