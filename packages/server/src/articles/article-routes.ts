import {
  type ArticleDeps,
  articleDraftSchema,
  articleDrafts,
  articleDraftsSchema,
  articleListQuerySchema,
  articleMatches,
  articleMatchSchema,
  articleSchema,
  deleteArticle,
  getArticle,
  listArticles,
  saveArticle,
  saveArticleSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["articles"];

/** Articles ("thought of you"): save a link, see what its fetch found, and the contacts it fits. */
export function registerArticleRoutes(app: FastifyInstance, deps: ArticleDeps, opts: { onSaved: () => void }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/articles",
    {
      schema: {
        tags,
        summary: "Saved articles, newest first, each with its fetch status",
        querystring: articleListQuerySchema.strict(),
        response: { 200: z.object({ items: z.array(articleSchema) }) },
      },
    },
    async (req) => ({ items: await listArticles(deps, req.actor, req.query.limit) }),
  );
  r.post(
    "/api/articles",
    {
      schema: {
        tags,
        summary:
          "Save a link (editor): http or https, no credentials, a public address (checked now and at every fetch); " +
          "its title, description, text and topics are fetched in the background",
        body: saveArticleSchema,
        response: { 201: articleSchema },
      },
    },
    async (req, reply) => {
      const saved = await saveArticle(deps, req.actor, req.body);
      opts.onSaved();
      return reply.code(201).send(saved);
    },
  );
  r.get(
    "/api/articles/:id",
    { schema: { tags, summary: "One saved article", params: idParams, response: { 200: articleSchema } } },
    async (req) => getArticle(deps, req.actor, req.params.id),
  );
  r.delete(
    "/api/articles/:id",
    { schema: { tags, summary: "Delete a saved article (editor)", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteArticle(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/articles/:id/matches",
    {
      schema: {
        tags,
        summary:
          "The contacts an article fits, closest first (at most 20): by their interests, tags, company and notes, " +
          "then by how due they are; each with its reasons",
        params: idParams,
        response: { 200: z.object({ items: z.array(articleMatchSchema) }) },
      },
    },
    async (req) => ({ items: await articleMatches(deps, req.actor, req.params.id) }),
  );
  r.post(
    "/api/articles/:id/drafts",
    {
      schema: {
        tags,
        summary:
          'Share with (editor): a draft per contact from the "thought of you" template with the article; send or log each ' +
          "through /api/messages/send or /api/messages/sent (each logs a touch)",
        params: idParams,
        body: articleDraftsSchema,
        response: { 200: z.object({ items: z.array(articleDraftSchema) }) },
      },
    },
    async (req) => ({ items: await articleDrafts(deps, req.actor, req.params.id, req.body) }),
  );
}
