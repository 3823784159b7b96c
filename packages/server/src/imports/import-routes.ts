import {
  type Deps,
  ENCODING_CHOICES,
  getImport,
  IMPORT_FORMATS,
  type ImportUpload,
  importJobSchema,
  importPreviewSchema,
  importUploadSchema,
  listImports,
  previewImport,
  resumeImport,
  startImport,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../http/schemas.ts";

const tags = ["imports"];

/** Raw file bodies the import routes take besides JSON. None is a CORS "simple" type, so no form can post one. */
const FILE_TYPES = ["text/csv", "text/vcard", "text/x-vcard"];

/** A raw body: the file's bytes as they are, read in the query's `encoding` (detected unless chosen). */
const rawFile = z
  .instanceof(Uint8Array)
  .meta({ type: "string", format: "binary", description: "the file itself, sent as text/csv or text/vcard" });
/**
 * The raw body first: zod tries a union's members in order, and the JSON schema (a strict object) tried on a
 * Buffer walks every byte as a key — about a second for a 2 MB file, on the loop that answers everyone's requests
 * (the fairness test found it: B's requests waited 3.7 s behind A's upload on a loaded machine).
 */
const fileBody = z.union([rawFile, importUploadSchema]);
const fileQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional(),
  fileName: z.string().max(255).optional(),
  encoding: z.enum(ENCODING_CHOICES).optional().describe("for a raw body: what its bytes are; auto detects"),
});

const inputOf = (body: z.output<typeof fileBody>, query: z.output<typeof fileQuery>): ImportUpload =>
  body instanceof Uint8Array ? { bytes: body, ...query } : body;

/**
 * Upload → preview → commit. Bodies above `maxBytes` (KITH_IMPORT_MAX_BYTES) get 413 before they are read; a raw
 * CSV or vCard body stays bytes, which core decodes (`encoding`: detected — BOM, UTF-16, UTF-8, else windows-1252 —
 * unless chosen); JSON sends the text as `content`, or the bytes in base64 as `data`. A commit queues a job (202) that
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
    scope.addContentTypeParser(FILE_TYPES, { parseAs: "buffer", bodyLimit }, (_req, body, done) => done(null, body));
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
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/imports/:id/resume",
    {
      schema: {
        tags,
        summary:
          "Resume a failed import from where its committed rows end (a queued or running one is answered as it is)",
        params: idParams,
        response: { 202: importJobSchema },
      },
    },
    async (req, reply) => {
      const job = await resumeImport(deps, req.actor, req.params.id);
      opts.onQueued();
      return reply.code(202).header("location", `/api/imports/${job.id}`).send(job);
    },
  );
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
