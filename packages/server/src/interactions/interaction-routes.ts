import {
  type Deps,
  deleteInteraction,
  getInteraction,
  interactionListQuerySchema,
  interactionSchema,
  listInteractions,
  logInteraction,
  logInteractionSchema,
  updateInteraction,
  updateInteractionSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, listQuery, noContent, pageOf, splitPage } from "../http/schemas.ts";

const tags = ["interactions"];

export function registerInteractionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/interactions",
    {
      schema: {
        tags,
        summary: "Interactions, newest first (one contact's timeline with contactId)",
        querystring: listQuery(interactionListQuerySchema),
        response: { 200: pageOf(interactionSchema) },
      },
    },
    async (req) => {
      const { filters, page } = splitPage(req.query);
      return listInteractions(deps, req.actor, filters, page);
    },
  );
  r.post(
    "/api/interactions",
    {
      schema: {
        tags,
        summary: "Log an interaction; each contact's last touch updates in the same transaction",
        body: logInteractionSchema,
        response: { 201: interactionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await logInteraction(deps, req.actor, req.body)),
  );
  r.get(
    "/api/interactions/:id",
    { schema: { tags, summary: "One interaction", params: idParams, response: { 200: interactionSchema } } },
    async (req) => getInteraction(deps, req.actor, req.params.id),
  );
  r.patch(
    "/api/interactions/:id",
    {
      schema: {
        tags,
        summary: "Change an interaction",
        params: idParams,
        body: updateInteractionSchema,
        response: { 200: interactionSchema },
      },
    },
    async (req) => updateInteraction(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/interactions/:id",
    { schema: { tags, summary: "Delete an interaction", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteInteraction(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
