import {
  addFollowUp,
  addFollowUpSchema,
  completeFollowUp,
  completeFollowUpSchema,
  type Deps,
  followUpListQuerySchema,
  followUpSchema,
  listFollowUps,
  reopenFollowUp,
  skipFollowUp,
  snoozeFollowUp,
  snoozeFollowUpSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, listQuery, pageOf, splitPage } from "../http/schemas.ts";

const tags = ["follow-ups"];

export function registerFollowUpRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/follow-ups",
    {
      schema: {
        tags,
        summary: "Follow-ups, soonest first",
        querystring: listQuery(followUpListQuerySchema),
        response: { 200: pageOf(followUpSchema) },
      },
    },
    async (req) => {
      const { filters, page } = splitPage(req.query);
      return listFollowUps(deps, req.actor, filters, page);
    },
  );
  r.post(
    "/api/follow-ups",
    { schema: { tags, summary: "Add a dated follow-up", body: addFollowUpSchema, response: { 201: followUpSchema } } },
    async (req, reply) => reply.code(201).send(await addFollowUp(deps, req.actor, req.body)),
  );
  r.post(
    "/api/follow-ups/:id/done",
    {
      schema: {
        tags,
        summary: "Mark done; with `log`, the interaction is logged in the same act",
        params: idParams,
        body: completeFollowUpSchema.optional(),
        response: { 200: followUpSchema },
      },
    },
    async (req) => completeFollowUp(deps, req.actor, req.params.id, req.body ?? {}),
  );
  r.post(
    "/api/follow-ups/:id/snooze",
    {
      schema: {
        tags,
        summary: "Snooze to a date or for N days",
        params: idParams,
        body: snoozeFollowUpSchema,
        response: { 200: followUpSchema },
      },
    },
    async (req) => snoozeFollowUp(deps, req.actor, req.params.id, req.body),
  );
  r.post(
    "/api/follow-ups/:id/skip",
    { schema: { tags, summary: "Skip this one", params: idParams, response: { 200: followUpSchema } } },
    async (req) => skipFollowUp(deps, req.actor, req.params.id),
  );
  r.post(
    "/api/follow-ups/:id/reopen",
    { schema: { tags, summary: "Undo done, snooze or skip", params: idParams, response: { 200: followUpSchema } } },
    async (req) => reopenFollowUp(deps, req.actor, req.params.id),
  );
}
