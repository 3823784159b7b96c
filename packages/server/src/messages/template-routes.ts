import {
  createTemplate,
  createTemplateSchema,
  type Deps,
  deleteTemplate,
  draftSchema,
  getTemplate,
  listTemplates,
  previewTemplate,
  previewTemplateSchema,
  restoreTemplate,
  templateIdParams,
  templateListSchema,
  templateSchema,
  updateTemplate,
  updateTemplateSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { noContent } from "../http/schemas.ts";

const tags = ["messages"];

export function registerTemplateRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/templates",
    {
      schema: {
        tags,
        summary: "The account's message templates: Kith's defaults (edited or hidden ones marked) and its own",
        response: { 200: templateListSchema },
      },
    },
    async (req) => listTemplates(deps, req.actor),
  );
  r.post(
    "/api/templates",
    {
      schema: {
        tags,
        summary: "Add a template (Liquid: `{{ contact.firstName }}`, `{% if lastTouch %}` …)",
        body: createTemplateSchema,
        response: { 201: templateSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createTemplate(deps, req.actor, req.body)),
  );
  r.post(
    "/api/templates/preview",
    {
      schema: {
        tags,
        summary: "Render a template's text for a contact, or for a sample person",
        body: previewTemplateSchema,
        response: { 200: draftSchema },
      },
    },
    async (req) => previewTemplate(deps, req.actor, req.body),
  );
  r.get(
    "/api/templates/:id",
    { schema: { tags, summary: "One template", params: templateIdParams, response: { 200: templateSchema } } },
    async (req) => getTemplate(deps, req.actor, req.params.id),
  );
  r.patch(
    "/api/templates/:id",
    {
      schema: {
        tags,
        summary: "Change a template; editing a default stores this account's copy, which overrides it",
        params: templateIdParams,
        body: updateTemplateSchema,
        response: { 200: templateSchema },
      },
    },
    async (req) => updateTemplate(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/templates/:id",
    {
      schema: {
        tags,
        summary: "Delete an own template, or hide a default until it is restored",
        params: templateIdParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await deleteTemplate(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/templates/:id/restore",
    {
      schema: {
        tags,
        summary: "Bring a default back as Kith ships it (drops this account's edit or deletion)",
        params: templateIdParams,
        response: { 200: templateSchema },
      },
    },
    async (req) => restoreTemplate(deps, req.actor, req.params.id),
  );
}
