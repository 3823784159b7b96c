// Account-level engine settings: one zod schema gives the defaults, the validation and the type, so the store, the
// API and the CLI all accept and reject exactly the same values.

import Holidays from "date-holidays";
import { z } from "zod";
import { isValidTimeZone } from "../time/zones.ts";
import { EngineInputError } from "./errors.ts";
import { isLanguageTag } from "./holidays.ts";

const days = (field: string, max = 3650) =>
  z
    .number()
    .int(`${field} must be a whole number of days`)
    .min(1, `${field} must be at least 1 day`)
    .max(max, `${field} must be at most ${max} days`);

export const cadenceCircleSchema = z
  .object({ mode: z.literal("cadence"), idealDays: days("idealDays"), maxDays: days("maxDays") })
  .refine((circle) => circle.maxDays >= circle.idealDays, {
    message: "maxDays must be at least idealDays",
    path: ["maxDays"],
  });

export const circleDefinitionSchema = z.union([
  cadenceCircleSchema,
  z.object({ mode: z.literal("occasions-only") }),
  z.object({ mode: z.literal("none") }),
]);

export type CircleDefinition = z.infer<typeof circleDefinitionSchema>;
export type CadenceCircle = Extract<CircleDefinition, { mode: "cadence" }>;

/** The default circles (ideal/max days). Account owners rename and retune them; these are only the start. */
export const defaultCircles: Record<string, CircleDefinition> = {
  inner: { mode: "cadence", idealDays: 14, maxDays: 21 },
  close: { mode: "cadence", idealDays: 30, maxDays: 45 },
  network: { mode: "cadence", idealDays: 90, maxDays: 120 },
  acquaintance: { mode: "cadence", idealDays: 180, maxDays: 270 },
  "occasions-only": { mode: "occasions-only" },
  none: { mode: "none" },
};

// The moved-on contacts land in this circle, so it must exist whatever else the owner renames.
export const OCCASIONS_ONLY_CIRCLE = "occasions-only";

const knownCountries = new Set(Object.keys(new Holidays().getCountries()));

export const engineSettingsSchema = z
  .object({
    circles: z
      .record(z.string().min(1), circleDefinitionSchema)
      .refine((circles) => circles[OCCASIONS_ONLY_CIRCLE]?.mode === "occasions-only", {
        message: `circles must keep an "${OCCASIONS_ONLY_CIRCLE}" circle of mode occasions-only (move-on needs it)`,
      })
      .default(defaultCircles),
    nudgeScheduleDays: z
      .array(days("nudgeScheduleDays entry", 365))
      .min(1, "nudgeScheduleDays needs at least one nudge")
      .max(10, "nudgeScheduleDays allows at most 10 nudges")
      .refine((list) => list.every((d, i) => i === 0 || d > (list[i - 1] as number)), {
        message: "nudgeScheduleDays must be strictly increasing, e.g. [3, 7, 14]",
      })
      .default([3, 7, 14]),
    moveOnAfter: z.number().int().min(1, "moveOnAfter must be at least 1").max(10).default(3),
    connectionTarget: z
      .number()
      .int("connectionTarget must be a whole number")
      .min(7, "connectionTarget must be between 7 and 10")
      .max(10, "connectionTarget must be between 7 and 10")
      .default(7),
    dailyCap: z.number().int().min(1, "dailyCap must be at least 1").max(100).default(5),
    weeklyGoal: z.number().int().min(1, "weeklyGoal must be at least 1").max(100).default(1),
    weekStartsOn: z.number().int().min(0).max(6, "weekStartsOn is 0 (Sunday) to 6 (Saturday)").default(1),
    timeZone: z.string().refine(isValidTimeZone, "timeZone must be an IANA time zone").default("UTC"),
    country: z
      .string()
      .refine((code) => knownCountries.has(code), "country must be an ISO 3166-1 code the holidays library knows")
      .nullable()
      .default(null),
    region: z.string().min(1).nullable().default(null),
    holidayCircles: z.array(z.string().min(1)).default(["inner", "close"]),
    /**
     * Holidays that get greetings, by their ids in the country's calendar ("12-25", "4th thursday in November";
     * `countryHolidays` lists them with their names). Not every public holiday is one people write for; null
     * follows the country's defaults (`defaultGreetingHolidays`: no Thanksgiving in Germany).
     */
    greetingHolidays: z
      .array(z.string().trim().min(1, "greetingHolidays entries must not be empty").max(80))
      .max(50, "greetingHolidays allows at most 50 holidays")
      .nullable()
      .default(null),
    /** The account's language (BCP 47, e.g. "de" or "pt-BR"): holidays are named in it where the library can. */
    language: z
      .string()
      .refine(isLanguageTag, "language must be a language tag such as en, de or pt-BR")
      .nullable()
      .default(null),
    holidayLeadDays: z.number().int().min(0, "holidayLeadDays must not be negative").max(60).default(3),
    occasionLeadDays: z.number().int().min(0, "occasionLeadDays must not be negative").max(60).default(3),
  })
  .refine((s) => s.region === null || s.country !== null, { message: "region needs a country", path: ["region"] })
  .refine((s) => s.moveOnAfter <= s.nudgeScheduleDays.length + 1, {
    message: "moveOnAfter must not exceed the number of nudges + 1 (there would be no nudge left to wait for)",
    path: ["moveOnAfter"],
  });

export type EngineSettings = z.output<typeof engineSettingsSchema>;
export type EngineSettingsInput = z.input<typeof engineSettingsSchema>;

/** Parses and defaults settings; throws EngineInputError naming the first bad field. */
export function parseEngineSettings(input: unknown = {}): EngineSettings {
  const result = engineSettingsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "settings";
  throw new EngineInputError(field, issue?.message ?? "invalid engine settings");
}

export const defaultEngineSettings: EngineSettings = parseEngineSettings({});
