import {
  createdWebhookSchema,
  createWebhook,
  createWebhookSchema,
  type Deps,
  deleteWebhook,
  listWebhooks,
  testWebhook,
  webhookSchema,
  webhookTestResultSchema,
} from "@kith/core";
import type { DeliveryRuntime } from "@kith/runtime";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../../http/schemas.ts";

const tags = ["notify"];

/** Webhooks of the account: members list them, owners add, remove and test them. */
export function registerWebhookRoutes(app: FastifyInstance, deps: Deps, runtime: DeliveryRuntime) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/notify/webhooks",
    {
      schema: {
        tags,
        summary: "The account's webhooks and the latest delivery to each (other members than owners see origins only)",
        response: { 200: z.object({ items: z.array(webhookSchema) }) },
      },
    },
    async (req) => ({ items: await listWebhooks(deps, req.actor) }),
  );
  r.post(
    "/api/notify/webhooks",
    {
      schema: {
        tags,
        summary:
          "Add a webhook (owner only): the digest as a signed JSON POST, Kith's format or ntfy's; private and " +
          "loopback targets are refused unless the server allows them. The signing secret is shown only here",
        body: createWebhookSchema,
        response: { 201: createdWebhookSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createWebhook(runtime.digest, req.actor, req.body)),
  );
  r.delete(
    "/api/notify/webhooks/:id",
    { schema: { tags, summary: "Remove a webhook (owner only)", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteWebhook(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/notify/webhooks/:id/test",
    {
      schema: {
        tags,
        summary: "Send a test to one webhook now: today's list as a `test` event, one attempt (owner only)",
        params: idParams,
        response: { 200: webhookTestResultSchema },
      },
    },
    async (req) => testWebhook(runtime.digest, req.actor, req.params.id),
  );
}
