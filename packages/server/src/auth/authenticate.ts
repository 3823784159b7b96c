import { type Actor, actorFromApiToken, type Deps, DomainError, resolveActor } from "@kith/core";
import type { Auth } from "@kith/runtime";
import type { FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Bearer API token (CLI, scripts) or the session cookie (web). Either way, the services get an Actor. */
export async function authenticate(deps: Deps, auth: Auth, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const actor = await actorFromApiToken(deps, header.slice("Bearer ".length).trim());
    if (!actor) throw new DomainError("unauthenticated", "the API token is unknown or revoked");
    return actor;
  }
  const headers = new Headers();
  if (request.headers.cookie) headers.set("cookie", request.headers.cookie);
  const session = await auth.api.getSession({ headers });
  if (!session)
    throw new DomainError("unauthenticated", "sign in first, or send an API token as 'Authorization: Bearer …'");
  const wanted = request.headers["x-kith-account"];
  return resolveActor(deps, session.user.id, typeof wanted === "string" ? wanted : undefined);
}

/** True for requests that carry a credential a browser attaches by itself (a cookie), not a bearer token. */
export const usesAmbientCredentials = (request: FastifyRequest): boolean =>
  !request.headers.authorization?.startsWith("Bearer ");
