import { type Deps, draftFor, draftQuerySchema, draftSchema } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams } from "../http/schemas.ts";

export function registerDraftRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/contacts/:id/draft",
    {
      schema: {
        tags: ["messages"],
        summary: "What to say to this contact: a subject and body from the template for a slot (default a check-in)",
        params: idParams,
        querystring: draftQuerySchema,
        response: { 200: draftSchema },
      },
    },
    async (req) => draftFor(deps, req.actor, req.params.id, req.query),
  );
}
