import { CONTACT_EXPORT_FORMATS, type Deps, exportContacts } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const tags = ["exports"];

/** Downloads: the body is the file itself (text/csv or text/vcard), named by Content-Disposition. */
export function registerExportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/exports/contacts",
    {
      schema: {
        tags,
        summary:
          "Every contact as CSV (csv or kith: Kith's columns; google; outlook — formula cells neutralised, phone numbers kept) or vCard 4.0",
        querystring: z.strictObject({ format: z.enum(CONTACT_EXPORT_FORMATS).default("csv") }),
        produces: ["text/csv", "text/vcard"],
      },
    },
    async (req, reply) => {
      const file = await exportContacts(deps, req.actor, req.query.format);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
