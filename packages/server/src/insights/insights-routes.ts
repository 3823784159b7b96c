import { type Deps, getInsights, insightsSchema } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

export function registerInsightsRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/insights",
    {
      schema: {
        tags: ["insights"],
        summary: "Touches per week (last 12 weeks) and how the network's due dates are spread",
        response: { 200: insightsSchema },
      },
    },
    async (req) => getInsights(deps, req.actor),
  );
}
