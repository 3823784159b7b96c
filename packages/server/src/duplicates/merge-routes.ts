import {
  contactSchema,
  type Deps,
  dismissDuplicate,
  dismissDuplicateSchema,
  duplicateSchema,
  listDuplicates,
  mergeContacts,
  mergeContactsSchema,
  mergeResultSchema,
  undoDismissDuplicate,
  undoMerge,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["duplicates"];

export function registerMergeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/duplicates",
    {
      schema: {
        tags,
        summary: "Possible duplicates: same email, LinkedIn URL or phone, or same name at the same company",
        response: { 200: z.object({ items: z.array(duplicateSchema) }) },
      },
    },
    async (req) => ({ items: await listDuplicates(deps, req.actor) }),
  );
  r.post(
    "/api/merges",
    {
      schema: {
        tags,
        summary: "Merge one contact into another, keeping every value and interaction (undoable)",
        body: mergeContactsSchema,
        response: { 200: mergeResultSchema },
      },
    },
    async (req) => mergeContacts(deps, req.actor, req.body),
  );
  r.post(
    "/api/merges/:id/undo",
    {
      schema: {
        tags,
        summary: "Undo a merge: both contacts as they were, each with its own history",
        params: idParams,
        response: { 200: z.object({ items: z.array(contactSchema) }) },
      },
    },
    async (req) => ({ items: await undoMerge(deps, req.actor, req.params.id) }),
  );
  r.post(
    "/api/duplicates/dismissals",
    {
      schema: {
        tags,
        summary: "Not the same person: the pair never returns to the duplicates list (undoable)",
        body: dismissDuplicateSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await dismissDuplicate(deps, req.actor, req.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/duplicates/dismissals/undo",
    {
      schema: {
        tags,
        summary: "Undo 'not the same person': the pair may be listed as a possible duplicate again",
        body: dismissDuplicateSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await undoDismissDuplicate(deps, req.actor, req.body);
      return reply.code(204).send(null);
    },
  );
}
