import {
  accessDaySchema,
  createdInvitationSchema,
  createShareSchema,
  type Deps,
  type InvitationLinks,
  inviteShare,
  listShares,
  myAccess,
  myAccessSchema,
  revokeShare,
  shareAccessLog,
  shareSchema,
  updateShare,
  updateShareSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { noContent } from "../http/schemas.ts";

const tags = ["shares"];
const userParams = z.strictObject({ userId: z.string().min(1).max(64) });

/** Coach and partner access (issue #16): owners share the account, change what is shared, revoke, read the log. */
export function registerShareRoutes(app: FastifyInstance, deps: Deps, links: InvitationLinks) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/shares",
    {
      schema: {
        tags,
        summary: "The people this account is shared with: viewers (everything) and coaches (a scope) (owners)",
        response: { 200: z.object({ items: z.array(shareSchema) }) },
      },
    },
    async (req) => listShares(deps, req.actor),
  );
  r.post(
    "/api/shares",
    {
      schema: {
        tags,
        summary:
          "Share with a coach or partner (owners): an invitation link for their address, for everything or for tagged contacts and/or the job search",
        body: createShareSchema,
        response: { 201: createdInvitationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteShare(deps, req.actor, links, req.body)),
  );
  r.put(
    "/api/shares/:userId",
    {
      schema: {
        tags,
        summary: "Change what is shared with a person (owners); holds from their next request",
        params: userParams,
        body: updateShareSchema,
        response: { 200: shareSchema },
      },
    },
    async (req) => updateShare(deps, req.actor, req.params.userId, req.body),
  );
  r.delete(
    "/api/shares/:userId",
    {
      schema: {
        tags,
        summary: "Revoke a share (owners): their sessions and tokens stop reaching this account at once",
        params: userParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await revokeShare(deps, req.actor, req.params.userId);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/shares/:userId/access",
    {
      schema: {
        tags,
        summary: "A share's access log: requests per day (UTC), the last 90 days (owners)",
        params: userParams,
        response: { 200: z.object({ items: z.array(accessDaySchema) }) },
      },
    },
    async (req) => shareAccessLog(deps, req.actor, req.params.userId),
  );
  r.get(
    "/api/me/access",
    {
      schema: {
        tags,
        summary: "Your role here and, for a coach, what is shared with you",
        response: { 200: myAccessSchema },
      },
    },
    async (req) => myAccess(deps, req.actor),
  );
}
