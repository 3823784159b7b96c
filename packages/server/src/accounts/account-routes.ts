import {
  accountSchema,
  apiTokenSchema,
  changeMemberRole,
  createApiToken,
  createApiTokenSchema,
  type Deps,
  DomainError,
  getAccount,
  listApiTokens,
  listMembers,
  membershipSchema,
  pageQuerySchema,
  removeMember,
  revokeApiToken,
  roleSchema,
  updateAccount,
  updateAccountSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent, pageOf } from "../http/schemas.ts";

const tags = ["account"];
const accountView = accountSchema.extend({ role: roleSchema });
const userParams = z.strictObject({ userId: z.string().min(1).max(64) });

export function registerAccountRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/account",
    { schema: { tags, summary: "The account you act in, and your role", response: { 200: accountView } } },
    async (req) => getAccount(deps, req.actor),
  );
  r.patch(
    "/api/account",
    {
      schema: {
        tags,
        summary: "Name, time zone, country (owners)",
        body: updateAccountSchema,
        response: { 200: accountView },
      },
    },
    async (req) => updateAccount(deps, req.actor, req.body),
  );
  r.get(
    "/api/account/members",
    {
      schema: {
        tags,
        summary: "Members and their roles",
        querystring: pageQuerySchema,
        response: { 200: pageOf(membershipSchema) },
      },
    },
    async (req) => listMembers(deps, req.actor, req.query),
  );
  r.patch(
    "/api/account/members/:userId",
    {
      schema: {
        tags,
        summary: "Change a member's role (owners)",
        params: userParams,
        body: z.strictObject({ role: roleSchema }),
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await changeMemberRole(deps, req.actor, req.params.userId, req.body.role);
      return reply.code(204).send(null);
    },
  );
  r.delete(
    "/api/account/members/:userId",
    { schema: { tags, summary: "Remove a member (owners)", params: userParams, response: { 204: noContent } } },
    async (req, reply) => {
      await removeMember(deps, req.actor, req.params.userId);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/tokens",
    {
      schema: {
        tags,
        summary: "Your API tokens in this account",
        querystring: pageQuerySchema,
        response: { 200: pageOf(apiTokenSchema) },
      },
    },
    async (req) => listApiTokens(deps, req.actor, req.query),
  );
  r.post(
    "/api/tokens",
    {
      schema: {
        tags,
        summary: "Create an API token (from a signed-in session); the secret is shown only in this response",
        body: createApiTokenSchema,
        response: { 201: apiTokenSchema.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      // A leaked token must not be able to outlive its revocation by minting successors: new tokens come from a
      // person signed in (the web's session; `kith tokens create` on the server itself).
      if (req.credential === "token") {
        throw new DomainError("forbidden", "API tokens are created from a signed-in session, not with another token", [
          { path: "headers.authorization", message: "an API token cannot create API tokens" },
        ]);
      }
      return reply.code(201).send(await createApiToken(deps, req.actor, req.body));
    },
  );
  r.delete(
    "/api/tokens/:id",
    { schema: { tags, summary: "Revoke an API token", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await revokeApiToken(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
