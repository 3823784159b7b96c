import { analyticsSchema, type Deps, getAnalytics } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

export function registerAnalyticsRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/analytics",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Reply rate and median time to reply by channel (last year), who waits for your reply, connections built per month, and each circle's share within its cadence",
        response: { 200: analyticsSchema },
      },
    },
    async (req) => getAnalytics(deps, req.actor),
  );
}
