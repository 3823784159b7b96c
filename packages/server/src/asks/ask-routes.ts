import {
  addAsk,
  addAskName,
  addAskNameSchema,
  addAskSchema,
  askListQuerySchema,
  askNameResultSchema,
  askSchema,
  askStatusInputSchema,
  type Deps,
  deleteAsk,
  getAsk,
  listAsks,
  moveAsk,
  updateAsk,
  updateAskSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["asks"];

/** "Who do you know?" asks: the names received, the status, and the follow-ups they bring. */
export function registerAskRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/asks",
    {
      schema: {
        tags,
        summary: "Asks, newest first (at most 500), by status or by the person asked",
        querystring: askListQuerySchema,
        response: { 200: z.object({ items: z.array(askSchema) }) },
      },
    },
    async (req) => ({ items: await listAsks(deps, req.actor, req.query) }),
  );
  r.post(
    "/api/asks",
    {
      schema: {
        tags,
        summary:
          'Record a "who do you know?" ask (editor): logs an outbound message to the person asked that waits for ' +
          "a reply, and a nudge follow-up 7 days later",
        body: addAskSchema,
        response: { 201: askSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addAsk(deps, req.actor, req.body)),
  );
  r.get(
    "/api/asks/:id",
    { schema: { tags, summary: "One ask", params: idParams, response: { 200: askSchema } } },
    async (req) => getAsk(deps, req.actor, req.params.id),
  );
  r.patch(
    "/api/asks/:id",
    {
      schema: {
        tags,
        summary: "Change what an ask is about or its note (editor)",
        params: idParams,
        body: updateAskSchema,
        response: { 200: askSchema },
      },
    },
    async (req) => updateAsk(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/asks/:id",
    {
      schema: {
        tags,
        summary: "Delete an ask (editor); its open follow-ups are skipped",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await deleteAsk(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/asks/:id/names",
    {
      schema: {
        tags,
        summary:
          "A name received (editor): link a contact or create one, with an introduced-by relationship to the person " +
          "asked; an ask still asked becomes named",
        params: idParams,
        body: addAskNameSchema,
        response: { 201: askNameResultSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addAskName(deps, req.actor, req.params.id, req.body)),
  );
  r.post(
    "/api/asks/:id/status",
    {
      schema: {
        tags,
        summary:
          "Move an ask (editor): asked → named → introduced → met → thanked, or declined; creates and closes its " +
          'follow-ups (thank the introducer, tell them how it went); with "met" and log, logs the meeting too',
        params: idParams,
        body: askStatusInputSchema,
        response: { 200: askSchema },
      },
    },
    async (req) => moveAsk(deps, req.actor, req.params.id, req.body),
  );
}
