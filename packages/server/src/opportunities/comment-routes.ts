import {
  addOpportunityComment,
  createCommentSchema,
  type Deps,
  listOpportunityComments,
  opportunityCommentSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../http/schemas.ts";

const tags = ["opportunities"];

/** The comment thread under an opportunity (issue #16): members and coaches with the job search shared. */
export function registerOpportunityCommentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/opportunities/:id/comments",
    {
      schema: {
        tags,
        summary: "An opportunity's comments, oldest first",
        params: idParams,
        response: { 200: z.object({ items: z.array(opportunityCommentSchema) }) },
      },
    },
    async (req) => listOpportunityComments(deps, req.actor, req.params.id),
  );
  r.post(
    "/api/opportunities/:id/comments",
    {
      schema: {
        tags,
        summary: "Comment on an opportunity (any member, and a coach the job search is shared with)",
        params: idParams,
        body: createCommentSchema,
        response: { 201: opportunityCommentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addOpportunityComment(deps, req.actor, req.params.id, req.body)),
  );
}
