import {
  addRelationship,
  addRelationshipSchema,
  contactRelationshipSchema,
  contactRelationships,
  type Deps,
  deleteRelationship,
  findNetworkPaths,
  neighbourhoodQuerySchema,
  neighbourhoodSchema,
  networkNeighbourhood,
  pathQuerySchema,
  pathsResultSchema,
  relationshipSchema,
  updateRelationship,
  updateRelationshipSchema,
  whoDoYouKnowAt,
  whoDoYouKnowSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["network"];

/** Relationships between contacts, paths to people and companies, and who you know at a company. */
export function registerNetworkRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/contacts/:id/relationships",
    {
      schema: {
        tags,
        summary: `A contact's relationships, each read from its side ("Ana is Leo's parent"), newest first`,
        params: idParams,
        response: { 200: z.object({ items: z.array(contactRelationshipSchema) }) },
      },
    },
    async (req) => ({ items: await contactRelationships(deps, req.actor, req.params.id) }),
  );
  r.post(
    "/api/relationships",
    {
      schema: {
        tags,
        summary:
          'Add a relationship (editor): it reads "from is to\'s kind" (parent, grandparent, introduced-by are ' +
          "directed); one per pair and kind (409), never a contact with itself (400)",
        body: addRelationshipSchema,
        response: { 201: relationshipSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addRelationship(deps, req.actor, req.body)),
  );
  r.patch(
    "/api/relationships/:id",
    {
      schema: {
        tags,
        summary: "Change how two people know each other, the strength (1–5) or since when (editor)",
        params: idParams,
        body: updateRelationshipSchema,
        response: { 200: relationshipSchema },
      },
    },
    async (req) => updateRelationship(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/relationships/:id",
    { schema: { tags, summary: "Remove a relationship (editor)", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteRelationship(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/network/paths",
    {
      schema: {
        tags,
        summary:
          "Paths from you to a person or to anyone at a company, up to 4 people long, best first (at most 20): a " +
          "recent touch with the first person and strong relationships rank higher; truncated when a bound cut the search",
        querystring: pathQuerySchema,
        response: { 200: pathsResultSchema },
      },
    },
    async (req) => findNetworkPaths(deps, req.actor, req.query),
  );
  r.get(
    "/api/network/neighbourhood",
    {
      schema: {
        tags,
        summary:
          "The people within 1 or 2 relationships of a contact or of a company's people, for the graph (≤ 150 nodes)",
        querystring: neighbourhoodQuerySchema,
        response: { 200: neighbourhoodSchema },
      },
    },
    async (req) => networkNeighbourhood(deps, req.actor, req.query),
  );
  r.get(
    "/api/companies/:id/who-do-you-know",
    {
      schema: {
        tags,
        summary:
          "Who you know at a company: its people by degree (1st: you know them; 2nd–4th: through whom) and a drafted " +
          '"who do you know at …?" to the best first person',
        params: idParams,
        response: { 200: whoDoYouKnowSchema },
      },
    },
    async (req) => whoDoYouKnowAt(deps, req.actor, req.params.id),
  );
}
