import {
  commitImport,
  type Deps,
  getImport,
  IMPORT_FORMATS,
  type ImportInput,
  importInputSchema,
  importJobSchema,
  importPreviewSchema,
  listImports,
  previewImport,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../http/schemas.ts";

const tags = ["imports"];

/** 20 MB holds a LinkedIn export of well over 100k connections. */
export const DEFAULT_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Raw file bodies the import routes take besides JSON. None is a CORS "simple" type, so no form can post one. */
const FILE_TYPES = ["text/csv", "text/vcard", "text/x-vcard"];

const fileBody = z.union([importInputSchema, z.string().describe("the file itself, sent as text/csv or text/vcard")]);
const fileQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional(),
  fileName: z.string().max(255).optional(),
});

const inputOf = (body: z.output<typeof fileBody>, query: z.output<typeof fileQuery>): ImportInput =>
  typeof body === "string" ? { content: body, ...query } : body;

/**
 * Upload → preview → commit. Bodies above `maxBytes` get 413 before they are read; a raw CSV or vCard body is
 * decoded as UTF-8 (invalid bytes become per-row errors).
 */
export function registerImportRoutes(app: FastifyInstance, deps: Deps, opts: { maxBytes?: number } = {}) {
  registerImportReportRoutes(app, deps);
  const bodyLimit = opts.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, { parseAs: "string", bodyLimit }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const schema = (summary: string, response: Record<number, z.ZodType>) => ({
      tags,
      summary,
      body: fileBody,
      querystring: fileQuery,
      consumes: ["application/json", ...FILE_TYPES],
      response,
    });
    r.post(
      "/api/imports/preview",
      {
        bodyLimit,
        schema: schema("What an import would do: mapping, duplicates, errors", { 200: importPreviewSchema }),
      },
      async (req) => previewImport(deps, req.actor, inputOf(req.body, req.query)),
    );
    r.post(
      "/api/imports",
      {
        bodyLimit,
        schema: schema("Import a file (commits whole; the report says what each row did)", { 201: importJobSchema }),
      },
      async (req, reply) => reply.code(201).send(await commitImport(deps, req.actor, inputOf(req.body, req.query))),
    );
  });
}

/** The reports of past imports: newest first without rows, or one with every row's outcome. */
export function registerImportReportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/imports",
    {
      schema: {
        tags,
        summary: "Recent imports (without rows)",
        response: { 200: z.object({ items: z.array(importJobSchema) }) },
      },
    },
    async (req) => ({ items: await listImports(deps, req.actor) }),
  );
  r.get(
    "/api/imports/:id",
    {
      schema: {
        tags,
        summary: "One import with every row's outcome",
        params: idParams,
        response: { 200: importJobSchema },
      },
    },
    async (req) => getImport(deps, req.actor, req.params.id),
  );
}
