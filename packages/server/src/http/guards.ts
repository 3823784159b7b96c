import type { FastifyReply, FastifyRequest } from "fastify";
import { usesAmbientCredentials } from "../auth/authenticate.ts";
import { sendProblem } from "./problem.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery stops here: a state-changing request that relies on the cookie must come from
 * our own origin (the configured public URL). Only JSON bodies are parsed at all (no form posts), so a page
 * elsewhere cannot make a "simple" request that reaches a handler.
 */
export function sameOriginGuard(publicOrigin: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE.has(request.method) || !usesAmbientCredentials(request)) return;
    const origin = request.headers.origin;
    if (origin !== publicOrigin) {
      return sendProblem(
        reply,
        403,
        origin
          ? `requests from ${origin} are not accepted; this server is ${publicOrigin}`
          : "the Origin header is required",
      );
    }
  };
}
