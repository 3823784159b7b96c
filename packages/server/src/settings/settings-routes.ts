import { type Deps, getSettings, settingsViewSchema, updateSettings, updateSettingsSchema } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

const tags = ["settings"];

export function registerSettingsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/settings",
    {
      schema: {
        tags,
        summary: "Circles and cadences, nudges, daily cap, weekly goal, mutes",
        response: { 200: settingsViewSchema },
      },
    },
    async (req) => getSettings(deps, req.actor),
  );
  r.patch(
    "/api/settings",
    {
      schema: {
        tags,
        summary: "Change settings (owners)",
        body: updateSettingsSchema,
        response: { 200: settingsViewSchema },
      },
    },
    async (req) => updateSettings(deps, req.actor, req.body),
  );
}
