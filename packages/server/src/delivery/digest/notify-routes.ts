import {
  conflict,
  type Deps,
  getNotifyStatus,
  notifySettingsSchema,
  notifyStatusSchema,
  notifyTestResultSchema,
  sendTestDigest,
  updateNotifySettings,
  updateNotifySettingsSchema,
} from "@kith/core";
import type { DeliveryRuntime } from "@kith/runtime";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

const tags = ["notify"];

export function registerNotifyRoutes(app: FastifyInstance, deps: Deps, runtime: DeliveryRuntime) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/notify/status",
    {
      schema: {
        tags,
        summary: "When the digest goes out, whether this server can send mail, and the latest deliveries",
        response: { 200: notifyStatusSchema },
      },
    },
    async (req) => getNotifyStatus(deps, req.actor, runtime.delivery !== null),
  );
  r.patch(
    "/api/notify/settings",
    {
      schema: {
        tags,
        summary: "Digest schedule: daily, weekly (on the week's first day) or off, at a local hour (owner only)",
        body: updateNotifySettingsSchema,
        response: { 200: notifySettingsSchema },
      },
    },
    async (req) => updateNotifySettings(deps, req.actor, req.body),
  );
  r.post(
    "/api/notify/test",
    {
      schema: {
        tags,
        summary: "Send me a test: today's digest to my own address, now (its outcome also shows in the status)",
        response: { 200: notifyTestResultSchema },
      },
    },
    async (req) => {
      if (!runtime.delivery) throw conflict("this server cannot send mail: SMTP_HOST is not configured");
      return sendTestDigest(runtime.delivery, req.actor);
    },
  );
}
