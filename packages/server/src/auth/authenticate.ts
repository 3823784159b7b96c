import { type Actor, actorFromApiToken, type Deps, DomainError, resolveActor, type SessionActor } from "@kith/core";
import type { Auth } from "@kith/runtime";
import type { FastifyRequest } from "fastify";
import { refuseOutsideShare } from "../shares/coach-routes.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    /** How the actor was authenticated: some acts (minting a token) need a person at a session, not a token. */
    credential: "token" | "session";
    /** The better-auth session behind a cookie request (absent for an API token). */
    sessionId?: string;
  }
}

const ACCOUNT_HEADER = "x-kith-account";

/**
 * The API token in `Authorization: Bearer …`, or null. The scheme is case-insensitive (RFC 9110 §11.1), so `bearer`
 * and `BEARER` are the same credential — and are never mistaken for a cookie request by the same-origin guard.
 */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^bearer(?:[ \t]+|$)(.*)$/i.exec(request.headers.authorization ?? "");
  return match ? (match[1] as string).trim() : null;
}

/**
 * Bearer API token (CLI, scripts) or the session cookie (web). Either way, the services get an Actor — a coach only
 * on the routes open to them (`shares/coach-routes.ts`).
 */
export async function authenticate(deps: Deps, auth: Auth, request: FastifyRequest): Promise<Actor> {
  const wanted = request.headers[ACCOUNT_HEADER];
  const account = typeof wanted === "string" && wanted !== "" ? wanted : undefined;
  const token = bearerToken(request);
  if (token !== null) {
    const actor = await actorFromApiToken(deps, token);
    if (!actor) throw new DomainError("unauthenticated", "the API token is unknown or revoked");
    // A token belongs to one account; asking for another must not be silently answered from the token's own.
    if (account !== undefined && account !== actor.accountId) {
      throw new DomainError("forbidden", "this API token acts only in its own account", [
        { path: "headers.x-kith-account", message: "is not the account this API token belongs to" },
      ]);
    }
    request.credential = "token";
    refuseOutsideShare(request, actor);
    return actor;
  }
  const headers = new Headers();
  if (request.headers.cookie) headers.set("cookie", request.headers.cookie);
  const session = await auth.api.getSession({ headers });
  if (!session)
    throw new DomainError("unauthenticated", "sign in first, or send an API token as 'Authorization: Bearer …'");
  request.credential = "session";
  request.sessionId = session.session.id;
  const actor = await resolveActor(deps, session.user.id, account);
  // Deny by default: a coach reaches only the routes listed for what is shared with them, whichever face asks.
  refuseOutsideShare(request, actor);
  return actor;
}

/** True for requests that carry a credential a browser attaches by itself (a cookie), not a bearer token. */
export const usesAmbientCredentials = (request: FastifyRequest): boolean => bearerToken(request) === null;

/**
 * The actor with the session it acts from, for what only a person at a browser may do (their sessions, their
 * password, minting tokens): an API token is refused, naming the header.
 */
export function sessionActor(request: FastifyRequest, what: string): SessionActor {
  if (request.credential !== "session" || !request.sessionId) {
    throw new DomainError("forbidden", `${what} needs a signed-in session, not an API token`, [
      { path: "headers.authorization", message: `an API token cannot ${what.toLowerCase()}` },
    ]);
  }
  return { ...request.actor, sessionId: request.sessionId };
}
