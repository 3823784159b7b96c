import { z } from "zod";
import { cadenceOverrideSchema } from "../contacts/schemas.ts";
import { cadenceForStage, EngineInputError, type EngineSettings, parseEngineSettings } from "../engine/index.ts";
import { MY_UPDATE_MAX } from "../messages/schemas.ts";
import { invalid } from "../shared/errors.ts";

/**
 * What an account stores in its `settings` JSON: the engine's settings (time zone and country live on the
 * account itself) and the mutes and tag cadences that feed each contact's snapshot.
 */
export interface AccountSettings {
  engine: EngineSettings;
  /** Silences every automatic reminder of the account (a holiday from networking). */
  muted: boolean;
  /** Lower-cased tags whose contacts get no automatic reminders. */
  mutedTags: string[];
  /** Lower-cased tag → its own interval, e.g. "mentor": every 60 days. */
  tagCadences: Record<string, { idealDays: number; maxDays: number }>;
  /** The member's "little update" that greetings and check-ins may carry (`me.update` in templates). */
  myUpdate: string;
}

const storedSchema = z.object({
  engine: z.record(z.string(), z.unknown()).default({}),
  muted: z.boolean().default(false),
  mutedTags: z.array(z.string()).default([]),
  tagCadences: z.record(z.string(), z.object({ idealDays: z.number(), maxDays: z.number() })).default({}),
  myUpdate: z.string().default(""),
});

export function parseAccountSettings(
  json: string,
  account: { timeZone: string; country: string | null },
): AccountSettings {
  const stored = storedSchema.parse(JSON.parse(json || "{}"));
  return {
    engine: toEngineSettings({ ...stored.engine, timeZone: account.timeZone, country: account.country }),
    muted: stored.muted,
    mutedTags: stored.mutedTags,
    tagCadences: stored.tagCadences,
    myUpdate: stored.myUpdate,
  };
}

/** Engine validation errors become the domain's validation error, naming the field. */
export function toEngineSettings(input: unknown): EngineSettings {
  try {
    return parseEngineSettings(input);
  } catch (error) {
    if (error instanceof EngineInputError) {
      // Its message starts with the field ("dailyCap: …"); the problem names the field itself.
      const prefix = `${error.field}: `;
      throw invalid(error.field, error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message);
    }
    throw error;
  }
}

const tag = z.string().trim().min(1).max(40);

/** A partial change to the settings; every field optional, unknown fields refused. */
export const updateSettingsSchema = z.strictObject({
  circles: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), z.unknown()).optional(),
  nudgeScheduleDays: z.array(z.number()).optional(),
  moveOnAfter: z.number().optional(),
  connectionTarget: z.number().optional(),
  dailyCap: z.number().optional(),
  weeklyGoal: z.number().optional(),
  weekStartsOn: z.number().optional(),
  region: z.string().nullable().optional(),
  holidayCircles: z.array(z.string()).optional(),
  greetingHolidays: z.array(z.string()).nullable().optional(),
  language: z.string().nullable().optional(),
  holidayLeadDays: z.number().optional(),
  occasionLeadDays: z.number().optional(),
  muted: z.boolean().optional(),
  mutedTags: z.array(tag).max(200).optional(),
  tagCadences: z.record(tag, cadenceOverrideSchema).optional(),
  /** "A little update" for greetings and check-ins; "" clears it. */
  myUpdate: z.string().trim().max(MY_UPDATE_MAX).optional(),
});
export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;

export const settingsViewSchema = z.object({
  circles: z.record(
    z.string(),
    z.object({
      mode: z.enum(["cadence", "occasions-only", "none"]),
      idealDays: z.number().optional(),
      maxDays: z.number().optional(),
    }),
  ),
  nudgeScheduleDays: z.array(z.number()),
  moveOnAfter: z.number(),
  connectionTarget: z.number(),
  dailyCap: z.number(),
  weeklyGoal: z.number(),
  weekStartsOn: z.number(),
  timeZone: z.string(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  holidayCircles: z.array(z.string()),
  /** Holiday ids (see `GET /api/holidays`); null: the country's defaults. */
  greetingHolidays: z.array(z.string()).nullable(),
  /** BCP 47; null until the web sets it from the browser. Holiday names are shown in it. */
  language: z.string().nullable(),
  holidayLeadDays: z.number(),
  occasionLeadDays: z.number(),
  muted: z.boolean(),
  mutedTags: z.array(z.string()),
  tagCadences: z.record(z.string(), z.object({ idealDays: z.number(), maxDays: z.number() })),
  /** The member's "little update" (`me.update` in message templates). */
  myUpdate: z.string(),
  /**
   * Each cadence circle's interval while a connection is being built (some exchanges, fewer than the target):
   * denser, as the today list uses it. Derived; not part of an update.
   */
  buildingCadences: z.record(z.string(), z.object({ idealDays: z.number(), maxDays: z.number() })),
});
export type SettingsView = z.output<typeof settingsViewSchema>;

export function settingsView(s: AccountSettings): SettingsView {
  const buildingCadences = Object.fromEntries(
    Object.entries(s.engine.circles).flatMap(([name, c]) =>
      c.mode === "cadence" && c.idealDays !== undefined && c.maxDays !== undefined
        ? [[name, cadenceForStage({ idealDays: c.idealDays, maxDays: c.maxDays }, "building")]]
        : [],
    ),
  );
  return {
    ...s.engine,
    muted: s.muted,
    mutedTags: s.mutedTags,
    tagCadences: s.tagCadences,
    myUpdate: s.myUpdate,
    buildingCadences,
  };
}

/** Applies a change and returns the JSON to store (engine part without time zone and country). */
export function mergeSettings(
  current: AccountSettings,
  patch: UpdateSettingsInput,
  account: { timeZone: string; country: string | null },
) {
  const { muted, mutedTags, tagCadences, myUpdate, ...enginePatch } = patch;
  const { timeZone: _tz, country: _c, ...engineStored } = current.engine;
  const engine = { ...engineStored, ...enginePatch };
  const next: AccountSettings = {
    engine: toEngineSettings({ ...engine, timeZone: account.timeZone, country: account.country }),
    muted: muted ?? current.muted,
    mutedTags: mutedTags ? [...new Set(mutedTags.map((t) => t.toLowerCase()))] : current.mutedTags,
    tagCadences: tagCadences
      ? Object.fromEntries(Object.entries(tagCadences).map(([k, v]) => [k.toLowerCase(), v]))
      : current.tagCadences,
    myUpdate: myUpdate ?? current.myUpdate,
  };
  const json = JSON.stringify({
    engine,
    muted: next.muted,
    mutedTags: next.mutedTags,
    tagCadences: next.tagCadences,
    ...(next.myUpdate ? { myUpdate: next.myUpdate } : {}),
  });
  return { next, json };
}
