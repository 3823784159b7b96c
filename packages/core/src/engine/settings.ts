// Account-level engine settings: one zod schema gives the defaults, the validation and the type, so the store, the
// API and the CLI all accept and reject exactly the same values.

import Holidays from "date-holidays";
import { z } from "zod";
import { isValidTimeZone } from "../time/zones.ts";
import { EngineInputError } from "./errors.ts";
import { isLanguageTag } from "./holidays.ts";

// Messages come from core's sentences (shared/issue-sentences.ts), which name the field in words.
const days = (max = 3650) => z.number().int().min(1).max(max);

export const cadenceCircleSchema = z
  .object({ mode: z.literal("cadence"), idealDays: days(), maxDays: days() })
  .refine((circle) => circle.maxDays >= circle.idealDays, {
    message: "Overdue after must be at least as many days as due after",
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
        message: `Circles must keep an "${OCCASIONS_ONLY_CIRCLE}" circle of mode occasions-only (moving on needs it)`,
      })
      .default(defaultCircles),
    nudgeScheduleDays: z
      .array(days(365))
      .min(1, "Nudge schedule needs at least one nudge")
      .max(10, "Nudge schedule allows at most 10 nudges")
      .refine((list) => list.every((d, i) => i === 0 || d > (list[i - 1] as number)), {
        message: "Nudge schedule must grow from one nudge to the next, e.g. 3, 7, 14 days",
      })
      .default([3, 7, 14]),
    moveOnAfter: z.number().int().min(1).max(10).default(3),
    connectionTarget: z
      .number()
      .int()
      .min(7, "Touches to a true connection must be between 7 and 10")
      .max(10, "Touches to a true connection must be between 7 and 10")
      .default(7),
    dailyCap: z.number().int().min(1).max(100).default(5),
    weeklyGoal: z.number().int().min(1).max(100).default(1),
    weekStartsOn: z
      .number()
      .int()
      .min(0, "Week start is 0 (Sunday) to 6 (Saturday)")
      .max(6, "Week start is 0 (Sunday) to 6 (Saturday)")
      .default(1),
    timeZone: z.string().refine(isValidTimeZone, "Time zone must be one such as Europe/Paris").default("UTC"),
    country: z
      .string()
      .refine(
        (code) => knownCountries.has(code),
        "Country must be one Kith knows the holidays of (an ISO code such as DE)",
      )
      .nullable()
      .default(null),
    region: z.string().min(1).nullable().default(null),
    holidayCircles: z.array(z.string().min(1)).default(["inner", "close"]),
    /**
     * Holidays that get greetings, by their ids in the country's calendar ("12-25", "4th thursday in November";
     * `countryHolidays` lists them with their names). Not every public holiday is one people write for; null
     * follows the country's defaults (`defaultGreetingHolidays`: no Thanksgiving in Germany).
     */
    greetingHolidays: z.array(z.string().trim().min(1).max(80)).max(50).nullable().default(null),
    /** The account's language (BCP 47, e.g. "de" or "pt-BR"): holidays are named in it where the library can. */
    language: z
      .string()
      .refine(isLanguageTag, "Language must be a language tag such as en, de or pt-BR")
      .nullable()
      .default(null),
    holidayLeadDays: z.number().int().min(0).max(60).default(3),
    occasionLeadDays: z.number().int().min(0).max(60).default(3),
  })
  .refine((s) => s.region === null || s.country !== null, { message: "Region needs a country", path: ["region"] })
  .refine((s) => s.moveOnAfter <= s.nudgeScheduleDays.length + 1, {
    message:
      "Unanswered attempts before moving on must not exceed the number of nudges + 1 (no nudge would be left to wait for)",
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
