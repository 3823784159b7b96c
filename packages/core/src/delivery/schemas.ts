import { z } from "zod";

export const DIGEST_FREQUENCIES = ["daily", "weekly", "off"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** When an account's digest goes out: its local hour, daily by default, weekly on the account's week start. */
export const notifySettingsSchema = z.object({
  digest: z.enum(DIGEST_FREQUENCIES),
  /** Local hour of the account's time zone, 0–23. */
  hour: z.number().int().min(0).max(23),
});
export type NotifySettings = z.output<typeof notifySettingsSchema>;

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = { digest: "daily", hour: 8 };

export const updateNotifySettingsSchema = z.strictObject({
  digest: z.enum(DIGEST_FREQUENCIES).optional(),
  hour: z.number().int().min(0).max(23).optional(),
});

export const DELIVERY_STATUSES = ["pending", "sent", "skipped", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliverySchema = z.object({
  /** `digest-email`, `test-email`, or `digest-webhook:<id>` and `test-webhook:<id>` for the webhook with that id. */
  kind: z.string(),
  /** The local date (daily), week start (weekly) or instant (a test message) this delivery is for. */
  period: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Delivery = z.output<typeof deliverySchema>;

export const notifyStatusSchema = z.object({
  settings: notifySettingsSchema,
  /** False when the server has no SMTP settings: nothing can be mailed. */
  emailConfigured: z.boolean(),
  recent: z.array(deliverySchema),
});
export type NotifyStatus = z.output<typeof notifyStatusSchema>;

export const notifyTestResultSchema = z.object({
  to: z.array(z.string()),
  status: z.enum(DELIVERY_STATUSES),
  /** Why it failed (the SMTP server's answer), when it did. */
  error: z.string().nullable(),
});
export type NotifyTestResult = z.output<typeof notifyTestResultSchema>;

/** What a one-click link may do; each token is signed for exactly one of these. */
export const ACTION_PURPOSES = ["done", "snooze-week", "unsubscribe"] as const;
export type ActionPurpose = (typeof ACTION_PURPOSES)[number];

export interface ActionClaim {
  purpose: ActionPurpose;
  accountId: string;
  userId: string;
  /** Required for done and snooze; absent for unsubscribe. */
  contactId: string | null;
  /** Unique per link, so each link acts once. */
  nonce: string;
  expiresAt: string;
}
