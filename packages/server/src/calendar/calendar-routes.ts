import {
  type CalendarEntry,
  calendarEntries,
  calendarFeedStatus,
  calendarFeedStatusSchema,
  type Deps,
  feedActor,
  invalid,
  revokeCalendarFeed,
  rotateCalendarFeed,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import ical, { ICalEventRepeatingFreq } from "ical-generator";
import { z } from "zod";
import { noContent } from "../http/schemas.ts";

const tags = ["calendar"];
const feedSchema = z.object({ url: z.string().describe("Secret: anyone with it can read the feed; rotate to revoke") });
const fileParams = z.strictObject({ file: z.string().min(5).max(90) });

const dayOf = (on: string) => new Date(`${on}T00:00:00.000Z`);

/** Yearly on the day; February 29 repeats on February's last day, so non-leap years keep the occasion. */
const yearly = (on: string) =>
  on.endsWith("-02-29")
    ? { freq: ICalEventRepeatingFreq.YEARLY, byMonth: [2], byMonthDay: [-1] }
    : { freq: ICalEventRepeatingFreq.YEARLY };

/** iCalendar text of the entries: all-day events (floating dates), birthdays repeating yearly. */
export function renderCalendar(entries: CalendarEntry[], host: string): string {
  const cal = ical({ name: "Kith follow-ups", prodId: { company: "kith", product: "kith" } });
  for (const e of entries) {
    cal.createEvent({
      id: `${e.uid}@${host}`,
      start: dayOf(e.on),
      allDay: true,
      summary: e.summary,
      description: e.description,
      ...(e.yearly ? { repeating: yearly(e.on) } : {}),
    });
  }
  return cal.toString();
}

/**
 * A member's secret calendar address (`/calendar/<token>.ics`, outside /api: calendar apps cannot log in) and the
 * API that says whether it is on, makes, rotates and revokes it. The address is built from the configured public URL
 * only.
 */
export function registerCalendarRoutes(app: FastifyInstance, deps: Deps, publicUrl: string) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const host = new URL(publicUrl).hostname;
  r.get(
    "/api/calendar/feed",
    {
      schema: {
        tags,
        summary: "Whether my calendar address is on, and since when (the address itself is shown only when made)",
        response: { 200: calendarFeedStatusSchema },
      },
    },
    async (req) => calendarFeedStatus(deps, req.actor),
  );
  r.post(
    "/api/calendar/feed",
    {
      schema: {
        tags,
        summary: "A new secret .ics address for me (follow-ups and birthdays); the previous one stops working",
        response: { 200: feedSchema },
      },
    },
    async (req) => ({ url: `${publicUrl}/calendar/${(await rotateCalendarFeed(deps, req.actor)).token}.ics` }),
  );
  r.delete(
    "/api/calendar/feed",
    { schema: { tags, summary: "Turn my calendar address off", response: { 204: noContent } } },
    async (req, reply) => {
      await revokeCalendarFeed(deps, req.actor);
      return reply.code(204).send(null);
    },
  );
  r.get("/calendar/:file", { schema: { hide: true, params: fileParams } }, async (req, reply) => {
    const { file } = req.params;
    if (!file.endsWith(".ics")) throw invalid("file", "a calendar address ends in .ics");
    const actor = await feedActor(deps, file.slice(0, -".ics".length));
    const body = renderCalendar(await calendarEntries(deps, actor), host);
    return reply
      .header("cache-control", "private, no-store")
      .header("referrer-policy", "no-referrer")
      .type("text/calendar; charset=utf-8")
      .send(body);
  });
}
