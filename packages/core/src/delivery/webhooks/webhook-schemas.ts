import { z } from "zod";
import { DELIVERY_STATUSES, deliverySchema } from "../schemas.ts";

/** Kith's own JSON digest, or ntfy's JSON publish format (POST to the server root with the topic in the body). */
export const WEBHOOK_FORMATS = ["kith", "ntfy"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Webhooks one account may have. */
export const MAX_WEBHOOKS = 10;

/** ntfy's topic names: letters, digits, `-` and `_`, at most 64. */
const NTFY_TOPIC = /^[-_A-Za-z0-9]{1,64}$/;

const httpUrl = (value: string): URL | null => {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
};

/**
 * Where an ntfy URL publishes: `https://ntfy.sh/my-topic` posts `{ topic: "my-topic" }` to `https://ntfy.sh/`. A
 * server under a sub-path keeps it (`https://host/ntfy/topic` posts to `https://host/ntfy/`). Null when the last
 * path segment is not a topic name.
 */
export function ntfyTarget(value: string): { postUrl: string; topic: string } | null {
  const url = httpUrl(value);
  if (!url) return null;
  const segments = url.pathname.split("/");
  const topic = segments.pop() ?? "";
  if (!NTFY_TOPIC.test(topic)) return null;
  url.pathname = `${segments.join("/")}/`;
  url.hash = "";
  return { postUrl: url.toString(), topic };
}

export const createWebhookSchema = z
  .strictObject({
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => httpUrl(v) !== null, "must be an http:// or https:// URL"),
    format: z.enum(WEBHOOK_FORMATS).default("kith"),
  })
  .superRefine((input, ctx) => {
    if (input.format === "ntfy" && httpUrl(input.url) && !ntfyTarget(input.url)) {
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: "an ntfy URL ends with the topic, e.g. https://ntfy.sh/my-topic (letters, digits, - and _)",
      });
    }
  });
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  /** Owners see the whole URL; other members see only its origin (a path or query may carry a secret). */
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  createdAt: z.string(),
  /** The latest digest or test sent to it, if any. */
  lastDelivery: deliverySchema.nullable(),
});
export type Webhook = z.output<typeof webhookSchema>;

export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().describe("Signs every request (X-Kith-Signature); shown only in this response"),
});
export type CreatedWebhook = z.output<typeof createdWebhookSchema>;

export const webhookTestResultSchema = z.object({
  status: z.enum(DELIVERY_STATUSES),
  /** Why it failed (the receiver's answer or the network error), when it did. */
  error: z.string().nullable(),
});
export type WebhookTestResult = z.output<typeof webhookTestResultSchema>;

/** A stored webhook, secret included (it is needed to sign; never shown again after creation). */
export interface WebhookRecord {
  id: string;
  accountId: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  createdAt: string;
}
