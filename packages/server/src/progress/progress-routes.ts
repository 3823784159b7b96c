import { type Deps, getProgress, progressSchema } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

export function registerProgressRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/progress",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Progress: the weekly habit, reply rates and connections built, and the job search's pipeline; a coach's figures count only the contacts shared with them, and the job search only when it is shared",
        response: { 200: progressSchema },
      },
    },
    async (req) => getProgress(deps, req.actor),
  );
}
