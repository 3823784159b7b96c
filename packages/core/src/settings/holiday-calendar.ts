import { z } from "zod";
import type { Actor } from "../accounts/roles.ts";
import { countryHolidays, defaultGreetingHolidays, holidayCountries } from "../engine/index.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { localDateOf } from "../time/index.ts";
import { parseAccountSettings } from "./account-settings.ts";

export const holidayCalendarQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1970).max(2200).optional(),
});

export const holidayCalendarSchema = z.object({
  country: z.string().nullable(),
  region: z.string().nullable(),
  year: z.number(),
  /** The ids greeted; `isDefault` when they are the country's defaults (no choice stored). */
  greetingHolidays: z.array(z.string()),
  isDefault: z.boolean(),
  holidays: z.array(
    z.object({
      id: z.string(),
      on: z.string(),
      name: z.string(),
      type: z.enum(["public", "observance"]),
      greeting: z.boolean(),
    }),
  ),
});
export type HolidayCalendar = z.output<typeof holidayCalendarSchema>;

/**
 * The holidays of the account's country in a year (this year in its time zone by default), named in its language,
 * each saying whether it gets a greeting: what the settings page offers to choose from. No country: none.
 */
export async function getHolidayCalendar(deps: Deps, actor: Actor, input: unknown): Promise<HolidayCalendar> {
  const query = parseInput(holidayCalendarQuerySchema, input);
  const account = await deps.store.accounts.findById(actor.accountId);
  if (!account) throw notFound("account", actor.accountId);
  const { engine } = parseAccountSettings(account.settings, account);
  const year = query.year ?? Number(localDateOf(deps.clock.now().toISOString(), engine.timeZone).slice(0, 4));
  if (!engine.country) {
    return { country: null, region: null, year, greetingHolidays: [], isDefault: true, holidays: [] };
  }
  const greetings = engine.greetingHolidays ?? defaultGreetingHolidays(engine.country);
  const holidays = countryHolidays(engine.country, year, engine.region, engine.language);
  return {
    country: engine.country,
    region: engine.region,
    year,
    greetingHolidays: greetings,
    isDefault: engine.greetingHolidays === null,
    holidays: holidays.map((h) => ({ ...h, greeting: greetings.includes(h.id) })),
  };
}

export const holidayCountriesQuerySchema = z.strictObject({
  language: z.string().max(35).optional(),
});

export const holidayCountriesSchema = z.array(z.object({ code: z.string(), name: z.string() }));

/**
 * The countries an account can choose (those the holidays library knows), named and sorted in `language`, else
 * in the account's language. Pure data: any signed-in member may read it.
 */
export async function listHolidayCountries(deps: Deps, actor: Actor, input: unknown) {
  const query = parseInput(holidayCountriesQuerySchema, input);
  if (query.language) return holidayCountries(query.language);
  const account = await deps.store.accounts.findById(actor.accountId);
  if (!account) throw notFound("account", actor.accountId);
  return holidayCountries(parseAccountSettings(account.settings, account).engine.language);
}
