import { type Actor, DomainError } from "@kith/core";
import type { FastifyRequest } from "fastify";

/**
 * What a coach (a viewer limited to a scope, issue #16) may reach: deny by default. A route is open to a coach only
 * when it is listed here, by method and route pattern, with the part of the scope it needs; its service then limits
 * what it answers to that scope (`core/src/shares/scope.ts`: contacts by tag, the job search whole). Every other
 * route — a write, the today list, companies, the network, settings, tokens, MCP, routes added later — answers 403.
 * The today list stays refused: it is the owner's to-do, each item with a draft rendered from notes and last topics,
 * and its cap and spread rank people against the unshared ones; a coach follows progress, not the owner's queue.
 *
 * - `always`: who am I, the account's name, what is shared with me, and progress (`GET /api/progress`: its service
 *   counts only the shared contacts and shows the job search only when shared — see `core/src/progress/`).
 * - `contacts`: the list and search, one contact, its timeline (`GET /api/interactions?contactId=`): shared contacts
 *   only, any other is a 404 like a missing one.
 * - `jobSearch`: opportunities (with their people and roles), interview prep, the question bank, expenses, and the
 *   comment thread — the one write a coach may make. The targets page is left out: it lists every person at those
 *   companies, shared or not.
 */
export type CoachPart = "always" | "contacts" | "jobSearch";

export const COACH_ROUTES: readonly (readonly [method: string, url: string, part: CoachPart])[] = [
  ["GET", "/api/auth/me", "always"],
  ["GET", "/api/account", "always"],
  ["GET", "/api/me/access", "always"],
  ["GET", "/api/progress", "always"],
  ["GET", "/api/contacts", "contacts"],
  ["GET", "/api/contacts/:id", "contacts"],
  ["GET", "/api/interactions", "contacts"],
  ["GET", "/api/opportunities", "jobSearch"],
  ["GET", "/api/opportunities/:id", "jobSearch"],
  ["GET", "/api/opportunities/:id/prep", "jobSearch"],
  ["GET", "/api/opportunities/:id/comments", "jobSearch"],
  ["POST", "/api/opportunities/:id/comments", "jobSearch"],
  ["GET", "/api/interview-questions", "jobSearch"],
  ["GET", "/api/job-expenses", "jobSearch"],
  ["GET", "/api/job-expenses.csv", "jobSearch"],
];

const OPEN = new Map(COACH_ROUTES.map(([method, url, part]) => [`${method} ${url}`, part]));

/** Refuses a coach every route not on the list, and a listed route whose part of the scope is not shared. */
export function refuseOutsideShare(request: FastifyRequest, actor: Actor): void {
  if (actor.role !== "coach") return;
  const part = OPEN.get(`${request.method} ${request.routeOptions.url ?? ""}`);
  const scope = actor.scope ?? { tags: [], jobSearch: false };
  const shared =
    part === "always" || (part === "contacts" && scope.tags.length > 0) || (part === "jobSearch" && scope.jobSearch);
  if (!shared) {
    throw new DomainError(
      "forbidden",
      part === "jobSearch"
        ? "the job search is not shared with you in this account"
        : part === "contacts"
          ? "no contacts are shared with you in this account"
          : "this account is shared with you as a coach: only what the owner shared is open to you, and you may only comment on opportunities",
    );
  }
}
