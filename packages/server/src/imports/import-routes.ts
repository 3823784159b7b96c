import {
  type Deps,
  getImport,
  IMPORT_FORMATS,
  type ImportInput,
  importInputSchema,
  importJobSchema,
  importPreviewSchema,
  listImports,
  previewImport,
  startImport,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../http/schemas.ts";

const tags = ["imports"];

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
 * Upload → preview → commit. Bodies above `maxBytes` (KITH_IMPORT_MAX_BYTES) get 413 before they are read; a raw
 * CSV or vCard body is decoded as UTF-8 (invalid bytes become per-row errors). A commit queues a job (202) that
 * the import worker runs; the client polls `GET /api/imports/:id` for its progress and report.
 */
export function registerImportRoutes(
  app: FastifyInstance,
  deps: Deps,
  opts: { maxBytes: number; onQueued: () => void },
) {
  registerImportReportRoutes(app, deps);
  const bodyLimit = opts.maxBytes;
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
        schema: schema(
          "Start an import: the file is checked and queued; poll GET /api/imports/{id} for progress and the report",
          { 202: importJobSchema },
        ),
      },
      async (req, reply) => {
        const job = await startImport(deps, req.actor, inputOf(req.body, req.query));
        opts.onQueued();
        return reply.code(202).header("location", `/api/imports/${job.id}`).send(job);
      },
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
        summary: "One import: status and progress; every row's outcome once committed",
        params: idParams,
        response: { 200: importJobSchema },
      },
    },
    async (req) => getImport(deps, req.actor, req.params.id),
  );
}
