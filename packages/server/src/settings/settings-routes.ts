import {
  type Deps,
  getHolidayCalendar,
  getSettings,
  holidayCalendarQuerySchema,
  holidayCalendarSchema,
  holidayCountriesQuerySchema,
  holidayCountriesSchema,
  listHolidayCountries,
  settingsViewSchema,
  updateSettings,
  updateSettingsSchema,
} from "@kith/core";
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
  r.get(
    "/api/settings/holidays",
    {
      schema: {
        tags,
        summary: "The holidays of the account's country in a year, in its language, and which get a greeting",
        querystring: holidayCalendarQuerySchema,
        response: { 200: holidayCalendarSchema },
      },
    },
    async (req) => getHolidayCalendar(deps, req.actor, req.query),
  );
  r.get(
    "/api/settings/countries",
    {
      schema: {
        tags,
        summary: "The countries an account can choose (with holidays), named and sorted in a language",
        querystring: holidayCountriesQuerySchema,
        response: { 200: holidayCountriesSchema },
      },
    },
    async (req) => listHolidayCountries(deps, req.actor, req.query),
  );
}
