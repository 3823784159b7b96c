import {
  companyListQuerySchema,
  companySchema,
  createCompany,
  createCompanySchema,
  type Deps,
  deleteCompany,
  getCompany,
  listCompanies,
  updateCompany,
  updateCompanySchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, listQuery, noContent, pageOf, splitPage } from "../http/schemas.ts";

const tags = ["companies"];

export function registerCompanyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/companies",
    {
      schema: {
        tags,
        summary: "List companies",
        querystring: listQuery(companyListQuerySchema),
        response: { 200: pageOf(companySchema) },
      },
    },
    async (req) => {
      const { filters, page } = splitPage(req.query);
      return listCompanies(deps, req.actor, filters, page);
    },
  );
  r.post(
    "/api/companies",
    { schema: { tags, summary: "Add a company", body: createCompanySchema, response: { 201: companySchema } } },
    async (req, reply) => reply.code(201).send(await createCompany(deps, req.actor, req.body)),
  );
  r.get(
    "/api/companies/:id",
    { schema: { tags, summary: "One company", params: idParams, response: { 200: companySchema } } },
    async (req) => getCompany(deps, req.actor, req.params.id),
  );
  r.patch(
    "/api/companies/:id",
    {
      schema: {
        tags,
        summary: "Change a company",
        params: idParams,
        body: updateCompanySchema,
        response: { 200: companySchema },
      },
    },
    async (req) => updateCompany(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/companies/:id",
    { schema: { tags, summary: "Delete a company (its people stay)", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteCompany(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
