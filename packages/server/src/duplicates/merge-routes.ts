import {
  contactSchema,
  type Deps,
  duplicateSchema,
  listDuplicates,
  mergeContacts,
  mergeContactsSchema,
  mergeResultSchema,
  undoMerge,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../http/schemas.ts";

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
}
