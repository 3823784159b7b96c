import type { Delivery } from "../api/types.ts";
import { formatDate, formatDateTime } from "../ui/format.ts";

const KINDS: [prefix: string, label: string][] = [
  ["digest-email", "Email digest"],
  ["test-email", "Test email"],
  ["digest-webhook:", "Webhook digest"],
  ["test-webhook:", "Webhook test"],
];

/** "Email digest", "Test email", …; a kind this page does not know yet is shown as the server names it. */
export function deliveryKindLabel(kind: string): string {
  return KINDS.find(([prefix]) => (prefix.endsWith(":") ? kind.startsWith(prefix) : kind === prefix))?.[1] ?? kind;
}

/**
 * A period is a local date (daily), a week's first day (weekly) or an instant (a test; a webhook test's is followed
 * by an id, "<instant> <id>", so two tests in one instant stay two).
 */
export function deliveryPeriodLabel(period: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period);
  const instant = period.split(" ", 1)[0] ?? "";
  if (/^\d{4}-\d{2}-\d{2}T/.test(instant) && !Number.isNaN(Date.parse(instant))) return formatDateTime(instant);
  return period;
}

export interface DeliveryState {
  label: string;
  tone: "good" | "warn" | "bad" | "muted";
  detail: string | null;
}

/** What happened to one delivery, in words: sent when, retrying when (and why), failed why, skipped. */
export function deliveryState(d: Delivery): DeliveryState {
  if (d.status === "sent") return { label: "sent", tone: "good", detail: d.sentAt ? formatDateTime(d.sentAt) : null };
  if (d.status === "skipped") return { label: "skipped", tone: "muted", detail: "nothing was due" };
  if (d.status === "failed") {
    return { label: "failed", tone: "bad", detail: `${d.lastError ?? "unknown error"} (${plural(d.attempts)})` };
  }
  if (d.attempts === 0) return { label: "waiting", tone: "warn", detail: null };
  const next = d.nextAttemptAt ? `next try ${formatDateTime(d.nextAttemptAt)}` : "will try again";
  return { label: "retrying", tone: "warn", detail: d.lastError ? `${d.lastError}; ${next}` : next };
}

const plural = (attempts: number) => `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
