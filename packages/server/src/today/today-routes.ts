import {
  contactSchema,
  type Deps,
  doneToday,
  doneTodaySchema,
  getContactDue,
  getToday,
  moveOn,
  rebuildDueState,
  skipToday,
  snoozeToday,
  snoozeTodaySchema,
  todayActionResultSchema,
  todayItemSchema,
  todayViewSchema,
  undoMoveOn,
  undoToday,
  undoTokenSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["today"];
const contactParams = z.strictObject({ contactId: z.string().min(1).max(64) });

export function registerTodayRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/today",
    {
      schema: {
        tags,
        summary:
          "Whom to follow up with today and why (ranked, capped; the rest spread over coming days), and the habit",
        response: { 200: todayViewSchema },
      },
    },
    async (req) => getToday(deps, req.actor),
  );
  r.post(
    "/api/today/:contactId/done",
    {
      schema: {
        tags,
        summary: "Done: logs the touch (default an outbound message) and closes the follow-up it answers",
        params: contactParams,
        body: doneTodaySchema.optional(),
        response: { 200: todayActionResultSchema },
      },
    },
    async (req) => doneToday(deps, req.actor, req.params.contactId, req.body ?? {}),
  );
  r.post(
    "/api/today/:contactId/snooze",
    {
      schema: {
        tags,
        summary: "Snooze to a date or for N days; it comes back then",
        params: contactParams,
        body: snoozeTodaySchema,
        response: { 200: todayActionResultSchema },
      },
    },
    async (req) => snoozeToday(deps, req.actor, req.params.contactId, req.body),
  );
  r.post(
    "/api/today/:contactId/skip",
    {
      schema: {
        tags,
        summary: "Skip this time: the reason waits for its next natural turn",
        params: contactParams,
        response: { 200: todayActionResultSchema },
      },
    },
    async (req) => skipToday(deps, req.actor, req.params.contactId),
  );
  r.post(
    "/api/today/undo",
    {
      schema: {
        tags,
        summary: "Undo a done, snooze or skip (send back its `undo`)",
        body: undoTokenSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await undoToday(deps, req.actor, req.body);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/contacts/:id/due",
    {
      schema: {
        tags,
        summary: "Why this contact is due today (as on the today list), or null",
        params: idParams,
        response: { 200: z.object({ item: todayItemSchema.nullable() }) },
      },
    },
    async (req) => ({ item: await getContactDue(deps, req.actor, req.params.id) }),
  );
  r.post(
    "/api/contacts/:id/move-on",
    {
      schema: {
        tags,
        summary: "Move on: the contact goes to occasions-only, with a note of why",
        params: idParams,
        response: { 200: contactSchema },
      },
    },
    async (req) => moveOn(deps, req.actor, req.params.id),
  );
  r.post(
    "/api/contacts/:id/move-on/undo",
    { schema: { tags, summary: "Undo a move-on", params: idParams, response: { 200: contactSchema } } },
    async (req) => undoMoveOn(deps, req.actor, req.params.id),
  );
  r.post(
    "/api/due-state/rebuild",
    {
      schema: {
        tags,
        summary: "Recompute every contact's due state from its whole history",
        response: { 200: z.object({ contacts: z.number() }) },
      },
    },
    async (req) => rebuildDueState(deps, req.actor),
  );
}
