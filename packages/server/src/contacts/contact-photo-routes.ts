import {
  contactSchema,
  type Deps,
  getContactPhoto,
  PHOTO_CONTENT_TYPES,
  removeContactPhoto,
  setContactPhoto,
  setContactPhotoSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams } from "../http/schemas.ts";

const tags = ["contacts"];

/** A contact's photo: read as the image itself, set as JSON (base64 bytes), removed. */
export function registerContactPhotoRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/contacts/:id/photo",
    {
      schema: {
        tags,
        summary: "The contact's photo: the image bytes with their content type (404 when it has none)",
        params: idParams,
        produces: [...PHOTO_CONTENT_TYPES],
      },
    },
    async (req, reply) => {
      const photo = await getContactPhoto(deps, req.actor, req.params.id);
      // A list of contacts asks for every photo again on each visit: unchanged ones answer 304 without the bytes.
      const etag = `"${photo.updatedAt}"`;
      reply.header("cache-control", "private, max-age=0, must-revalidate").header("etag", etag);
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply
        .header("content-type", photo.contentType)
        .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );
  r.put(
    "/api/contacts/:id/photo",
    {
      schema: {
        tags,
        summary: "Set the contact's photo: JPEG, PNG, WebP or GIF, base64, at most 512 KiB decoded",
        params: idParams,
        body: setContactPhotoSchema,
        response: { 200: contactSchema },
      },
    },
    async (req) => setContactPhoto(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/contacts/:id/photo",
    {
      schema: { tags, summary: "Remove the contact's photo", params: idParams, response: { 200: contactSchema } },
    },
    async (req) => removeContactPhoto(deps, req.actor, req.params.id),
  );
}
