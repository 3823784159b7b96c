import { z } from "zod";
import { articleUrlSchema } from "../articles/schemas.ts";

export const CALENDAR_KINDS = ["file", "subscription"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
/** The same words as a mailbox's status, plus `failed`: a subscription that will not pass by trying again. */
export const CALENDAR_STATES = ["waiting", "syncing", "ok", "failing", "failed"] as const;
export type CalendarState = (typeof CALENDAR_STATES)[number];

/** An uploaded `.ics` file, in characters (a year of a busy work calendar is well under this). */
export const CALENDAR_FILE_MAX_CHARS = 2_000_000;
/** Calendars per account (each subscription is fetched by the job runner). */
export const CALENDARS_MAX = 20;

/**
 * A subscription's literal form: an article link's (http or https, no user name or password), with webcal:// read
 * as https://. Where it points is checked by the guarded fetcher when it is saved and at every fetch.
 */
export const calendarUrlSchema = z
  .string()
  .max(2048)
  .transform((value) => value.trim().replace(/^webcals?:\/\//i, "https://"))
  .pipe(articleUrlSchema);

export const importCalendarSchema = z.strictObject({
  /** The `.ics` file's text. */
  content: z.string().min(1).max(CALENDAR_FILE_MAX_CHARS),
});
export type ImportCalendarInput = z.input<typeof importCalendarSchema>;

export const subscribeCalendarSchema = z.strictObject({
  url: calendarUrlSchema,
  name: z.string().trim().min(1).max(200).optional(),
});
export type SubscribeCalendarInput = z.input<typeof subscribeCalendarSchema>;

/** A subscription's address given again (one restored from a backup, or failing): the same checks as subscribing. */
export const calendarAddressSchema = z.strictObject({ url: calendarUrlSchema });
export type CalendarAddressInput = z.input<typeof calendarAddressSchema>;

export const removeCalendarQuerySchema = z.strictObject({
  /** true (default): the meetings it logged stay; false: they are removed with it. */
  keep: z.enum(["true", "false"]).optional(),
});

export const calendarSchema = z.object({
  id: z.string(),
  kind: z.enum(CALENDAR_KINDS),
  name: z.string(),
  /**
   * A subscription's address as shown: scheme, host and a masked path (`https://calendar.example/…/basic.ics`); the
   * whole address is sealed at rest and never returned. Null for imported files.
   */
  url: z.string().nullable(),
  state: z.enum(CALENDAR_STATES),
  /** What went wrong on the last run, in words. */
  error: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** When a subscription is fetched next (null for files, and for a subscription that failed for good). */
  nextRunAt: z.string().nullable(),
  counts: z.object({
    /** Events the last run read. */
    events: z.number().int(),
    /** Meetings this calendar has logged (as it stands now). */
    meetings: z.number().int(),
    /** Events with a known contact still to come: not logged until they happen. */
    upcoming: z.number().int(),
  }),
  createdAt: z.string(),
});
export type Calendar = z.output<typeof calendarSchema>;

export const calendarSyncResultSchema = z.object({
  /** Events read (a recurring event counts once). */
  events: z.number().int(),
  logged: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  /** Past occurrences with no known contact among their attendees. */
  unmatched: z.number().int(),
  upcoming: z.number().int(),
});
export type CalendarSyncResult = z.output<typeof calendarSyncResultSchema>;

export const calendarImportResultSchema = z.object({ calendar: calendarSchema, result: calendarSyncResultSchema });
export type CalendarImportResult = z.output<typeof calendarImportResultSchema>;
