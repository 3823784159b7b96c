import type { WebhookFormat, WebhookTestResult } from "../api/types.ts";

export const WEBHOOK_FORMATS: { id: WebhookFormat; label: string; hint: string }[] = [
  {
    id: "kith",
    label: "Kith JSON (your own scripts)",
    hint: "Kith POSTs the digest here as JSON: each person, why, a suggested first line and one-click links.",
  },
  {
    id: "ntfy",
    label: "ntfy (phone notifications)",
    hint: "Your topic's address, e.g. https://ntfy.sh/your-topic; the digest arrives as a notification.",
  },
];

export function webhookFormatLabel(format: WebhookFormat): string {
  return format === "ntfy" ? "ntfy" : "Kith JSON";
}

/** The outcome of "Send a test", in words, and whether it is good news. */
export function webhookTestSentence(result: WebhookTestResult): { ok: boolean; text: string } {
  if (result.status === "sent") return { ok: true, text: "The test was delivered." };
  if (result.status === "skipped") return { ok: true, text: "Nothing was sent." };
  if (result.status === "failed") return { ok: false, text: `The test failed: ${result.error ?? "unknown error"}` };
  // Pending: another instance holds the entry right now; its outcome shows as the webhook's latest delivery.
  return { ok: false, text: `The test is still under way${result.error ? ` (${result.error})` : ""}.` };
}
