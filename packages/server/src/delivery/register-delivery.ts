import type { Deps } from "@kith/core";
import { type Config, openDelivery } from "@kith/runtime";
import type { FastifyInstance } from "fastify";
import { registerCalendarRoutes } from "../calendar/calendar-routes.ts";
import { registerActRoutes } from "./digest/act-routes.ts";
import { registerNotifyRoutes } from "./digest/notify-routes.ts";
import { registerWebhookRoutes } from "./webhooks/webhook-routes.ts";

/**
 * Notification settings and status under /api, the public one-click links under /act, the calendar feed under
 * /calendar. No jobs here: the job runner (`jobs/`) delivers.
 */
export async function registerDeliveryRoutes(app: FastifyInstance, config: Config, deps: Deps): Promise<void> {
  const runtime = openDelivery(config, deps);
  app.addHook("onClose", async () => runtime.delivery?.mailer.close());
  registerNotifyRoutes(app, deps, runtime);
  registerWebhookRoutes(app, deps, runtime);
  await registerActRoutes(app, deps, runtime.tokens);
  registerCalendarRoutes(app, deps, config.publicUrl);
}
