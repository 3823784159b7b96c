import {
  type CalendarSyncDeps,
  calendarAddressSchema,
  calendarImportResultSchema,
  calendarSchema,
  getCalendar,
  importCalendarFile,
  importCalendarSchema,
  listCalendars,
  removeCalendar,
  removeCalendarQuerySchema,
  requestCalendarSync,
  setCalendarAddress,
  subscribeCalendar,
  subscribeCalendarSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["calendar-sync"];

/** An import's JSON body: the file's 2 million characters, escaped (a CRLF is four bytes, an emoji up to twelve). */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * Calendars (issue #15): import an .ics file (its past meetings with known contacts are logged at once), subscribe to
 * an ICS URL (fetched by the `calendars` job), give a restored one its address again, see each one's state, "sync now", remove with or without its meetings.
 */
export function registerCalendarSyncRoutes(
  app: FastifyInstance,
  deps: CalendarSyncDeps,
  opts: { onSyncAsked: () => void },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/calendars",
    {
      schema: {
        tags,
        summary: "The account's calendars (imported files and subscriptions), each with its state, last run and counts",
        response: { 200: z.object({ items: z.array(calendarSchema) }) },
      },
    },
    async (req) => ({ items: await listCalendars(deps, req.actor) }),
  );
  r.post(
    "/api/calendars/import",
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Import an .ics file (editor): its past events whose attendees or organizer are contacts become meetings; " +
          "importing the same file again logs nothing twice, a moved event is updated and a cancelled one removed",
        body: importCalendarSchema,
        response: { 200: calendarImportResultSchema },
      },
    },
    async (req) => importCalendarFile(deps, req.actor, req.body),
  );
  r.post(
    "/api/calendars",
    {
      schema: {
        tags,
        summary:
          "Subscribe to an ICS URL (editor): http, https or webcal, no credentials, a public address (checked now and " +
          "at every fetch); fetched in the background, then every hour",
        body: subscribeCalendarSchema,
        response: { 201: calendarSchema },
      },
    },
    async (req, reply) => {
      const calendar = await subscribeCalendar(deps, req.actor, req.body);
      opts.onSyncAsked();
      return reply.code(201).send(calendar);
    },
  );
  r.get(
    "/api/calendars/:id",
    { schema: { tags, summary: "One calendar", params: idParams, response: { 200: calendarSchema } } },
    async (req) => getCalendar(deps, req.actor, req.params.id),
  );
  r.post(
    "/api/calendars/:id/sync",
    {
      schema: {
        tags,
        summary:
          "Sync a subscription now (editor); a calendar of imported files is updated by importing it again (409)",
        params: idParams,
        response: { 202: calendarSchema },
      },
    },
    async (req, reply) => {
      const calendar = await requestCalendarSync(deps, req.actor, req.params.id);
      opts.onSyncAsked();
      return reply.code(202).send(calendar);
    },
  );
  r.put(
    "/api/calendars/:id/address",
    {
      schema: {
        tags,
        summary:
          "Give a subscription its address again (editor): one restored from a backup, which keeps no address, or " +
          "one that failed; checked as subscribing checks it, read again by the job on the same calendar, so " +
          "nothing it logged is logged twice. A calendar of imported files has none (409)",
        params: idParams,
        body: calendarAddressSchema,
        response: { 200: calendarSchema },
      },
    },
    async (req) => {
      const calendar = await setCalendarAddress(deps, req.actor, req.params.id, req.body);
      opts.onSyncAsked();
      return calendar;
    },
  );
  r.delete(
    "/api/calendars/:id",
    {
      schema: {
        tags,
        summary: "Remove a calendar (editor): keep=true (default) leaves its meetings, keep=false removes them with it",
        params: idParams,
        querystring: removeCalendarQuerySchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await removeCalendar(deps, req.actor, req.params.id, req.query);
      return reply.code(204).send(null);
    },
  );
}
