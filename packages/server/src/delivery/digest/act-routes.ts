import { applyDigestAction, type Deps, DomainError, describeDigestAction } from "@kith/core";
import type { ActionTokens } from "@kith/runtime";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { STATUS_OF } from "../../http/problem.ts";
import { ACT_PAGE_CSS } from "./act-page-style.ts";

const querystring = z.strictObject({ token: z.string().min(10).max(4000) });

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The page: the app's look from `/act.css` (no inline style or script: the CSP forbids them), a way into Kith. */
function page(reply: FastifyReply, status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Kith</title><link rel="stylesheet" href="/act.css"></head>
<body><main><p class="brand">Kith</p>${body}<p class="muted"><a href="/">Open Kith</a></p></main></body></html>`;
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .type("text/html; charset=utf-8")
    .send(html);
}

/** "this link has expired; …" → "This link has expired; …": a page shows the words, not the field they are about. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function failure(reply: FastifyReply, error: unknown) {
  if (!(error instanceof DomainError)) throw error;
  return page(
    reply,
    STATUS_OF[error.code],
    "Nothing was done",
    `<h1>Nothing was done</h1><p>${escapeHtml(sentence(error.issues[0]?.message ?? error.message))}</p>`,
  );
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
    r.get("/act.css", { schema: { hide: true } }, async (_req, reply) =>
      reply.header("cache-control", "public, max-age=86400").type("text/css; charset=utf-8").send(ACT_PAGE_CSS),
    );
    const who = (name: string | null) => (name ? `<p class="who">${escapeHtml(name)}</p>` : "");
    r.get("/act", { schema: { hide: true, querystring } }, async (req, reply) => {
      try {
        const about = await describeDigestAction(deps, tokens.verify(req.query.token));
        const form = `<form method="post"><button type="submit">Yes</button></form>`;
        return page(reply, 200, about.question, `<h1>${escapeHtml(about.question)}</h1>${form}`);
      } catch (error) {
        return failure(reply, error);
      }
    });
    r.post("/act", { schema: { hide: true, querystring } }, async (req, reply) => {
      try {
        const claim = tokens.verify(req.query.token);
        const about = await describeDigestAction(deps, claim);
        const outcome = await applyDigestAction(deps, claim);
        const title = outcome.applied ? "Done" : "Already done";
        return page(
          reply,
          200,
          title,
          `<h1>${title}</h1>${who(about.contactName)}<p>${escapeHtml(outcome.message)}</p>`,
        );
      } catch (error) {
        return failure(reply, error);
      }
    });
  });
}
