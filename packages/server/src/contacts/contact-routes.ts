import {
  contactListQuerySchema,
  contactSchema,
  contactSummarySchema,
  createContact,
  createContactSchema,
  type Deps,
  deleteContact,
  getContact,
  listContacts,
  setContactArchived,
  updateContact,
  updateContactSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, listQuery, noContent, pageOf, splitPage } from "../http/schemas.ts";

const tags = ["contacts"];

export function registerContactRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/contacts",
    {
      schema: {
        tags,
        summary: "List or search contacts (prefix search over name, email, company, title and tags)",
        description:
          "Contact summaries: what a list shows (names, company, title, tags, first email, circle, last touch, " +
          "progress, next due). The whole contact is GET /api/contacts/{id}.",
        querystring: listQuery(contactListQuerySchema),
        response: {
          200: pageOf(contactSummarySchema).extend({
            total: z.number().nullable().describe("Every contact the filters match (first page only; null after)"),
          }),
        },
      },
    },
    async (req) => {
      const { filters, page } = splitPage(req.query);
      return listContacts(deps, req.actor, filters, page);
    },
  );
  r.post(
    "/api/contacts",
    { schema: { tags, summary: "Add a contact", body: createContactSchema, response: { 201: contactSchema } } },
    async (req, reply) => reply.code(201).send(await createContact(deps, req.actor, req.body)),
  );
  r.get(
    "/api/contacts/:id",
    { schema: { tags, summary: "One contact", params: idParams, response: { 200: contactSchema } } },
    async (req) => getContact(deps, req.actor, req.params.id),
  );
  r.patch(
    "/api/contacts/:id",
    {
      schema: {
        tags,
        summary: "Change a contact",
        params: idParams,
        body: updateContactSchema,
        response: { 200: contactSchema },
      },
    },
    async (req) => updateContact(deps, req.actor, req.params.id, req.body),
  );
  r.post(
    "/api/contacts/:id/archive",
    { schema: { tags, summary: "Archive (hide, keep history)", params: idParams, response: { 200: contactSchema } } },
    async (req) => setContactArchived(deps, req.actor, req.params.id, true),
  );
  r.post(
    "/api/contacts/:id/unarchive",
    { schema: { tags, summary: "Undo an archive", params: idParams, response: { 200: contactSchema } } },
    async (req) => setContactArchived(deps, req.actor, req.params.id, false),
  );
  r.delete(
    "/api/contacts/:id",
    {
      schema: {
        tags,
        summary: "Delete for good (privacy requests; owners only)",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await deleteContact(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
