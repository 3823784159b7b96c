import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { parseInput } from "../shared/validate.ts";
import type { DeliveryRow } from "./delivery-ports.ts";
import {
  DEFAULT_NOTIFY_SETTINGS,
  type Delivery,
  type NotifySettings,
  type NotifyStatus,
  updateNotifySettingsSchema,
} from "./schemas.ts";

const RECENT = 20;

export const presentDelivery = (row: DeliveryRow): Delivery => ({
  kind: row.kind,
  period: row.period,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  nextAttemptAt: row.status === "pending" ? row.nextAttemptAt : null,
  sentAt: row.sentAt,
  updatedAt: row.updatedAt,
});

export async function notifySettingsOf(deps: Deps, accountId: string): Promise<NotifySettings> {
  return (await deps.store.deliveries.getSettings(accountId)) ?? DEFAULT_NOTIFY_SETTINGS;
}

/** What settings show: when the digest goes out, whether mail can go at all, and the last deliveries. */
export async function getNotifyStatus(deps: Deps, actor: Actor, emailConfigured: boolean): Promise<NotifyStatus> {
  requireRole(actor, "viewer");
  const rows = await deps.store.deliveries.recent(actor.accountId, RECENT);
  return {
    settings: await notifySettingsOf(deps, actor.accountId),
    emailConfigured,
    recent: rows.map(presentDelivery),
  };
}

export async function updateNotifySettings(deps: Deps, actor: Actor, input: unknown): Promise<NotifySettings> {
  requireRole(actor, "owner");
  const patch = parseInput(updateNotifySettingsSchema, input);
  const next: NotifySettings = { ...(await notifySettingsOf(deps, actor.accountId)), ...patch };
  await deps.store.deliveries.setSettings(actor.accountId, next, deps.clock.now().toISOString());
  return next;
}
