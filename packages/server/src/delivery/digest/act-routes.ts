import { type ActionClaim, applyDigestAction, type Deps, DomainError } from "@kith/core";
import type { ActionTokens } from "@kith/runtime";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { STATUS_OF } from "../../http/problem.ts";

const querystring = z.strictObject({ token: z.string().min(10).max(4000) });

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const QUESTION: Record<ActionClaim["purpose"], string> = {
  done: "Mark this follow-up done and log the touch?",
  "snooze-week": "Snooze this follow-up for a week?",
  unsubscribe: "Stop the digest emails?",
};

function page(reply: FastifyReply, status: number, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>Kith</title></head><body><main>${body}</main></body></html>`;
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .type("text/html; charset=utf-8")
    .send(html);
}

function failure(reply: FastifyReply, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return page(reply, STATUS_OF[error.code], `<h1>Nothing was done</h1><p>${escapeHtml(error.message)}</p>`);
}

/**
 * The one-click links of the digest (`/act?token=…`; a query, since tokens outgrow a path parameter), outside /api (no session needed; the signed token is the authority). A GET only
 * asks — mail scanners fetch links, and a fetch must not mark anything done — and the button POSTs. A mail client's
 * RFC 8058 one-click unsubscribe POSTs directly (form-encoded), so that body type is accepted here and ignored.
 */
export function registerActRoutes(app: FastifyInstance, deps: Deps, tokens: ActionTokens) {
  return app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, _body, done) =>
      done(null, {}),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.get("/act", { schema: { hide: true, querystring } }, async (req, reply) => {
      try {
        const claim = tokens.verify(req.query.token);
        const form = `<form method="post"><button type="submit">Yes</button></form>`;
        return page(reply, 200, `<h1>${escapeHtml(QUESTION[claim.purpose])}</h1>${form}`);
      } catch (error) {
        return failure(reply, error);
      }
    });
    r.post("/act", { schema: { hide: true, querystring } }, async (req, reply) => {
      try {
        const outcome = await applyDigestAction(deps, tokens.verify(req.query.token));
        return page(
          reply,
          200,
          `<h1>${outcome.applied ? "Done" : "Already done"}</h1><p>${escapeHtml(outcome.message)}</p>`,
        );
      } catch (error) {
        return failure(reply, error);
      }
    });
  });
}
