import type { FastifyReply, FastifyRequest } from "fastify";
import { usesAmbientCredentials } from "../auth/authenticate.ts";
import { sendProblem } from "./problem.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery stops here: a state-changing request that relies on the cookie must come from
 * our own origin (the configured public URL; locally, see `Config.allowedOrigins`). Only JSON bodies are parsed at all (no form posts), so a page
 * elsewhere cannot make a "simple" request that reaches a handler.
 */
export function sameOriginGuard(allowedOrigins: readonly string[]) {
  const publicOrigin = allowedOrigins[0];
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE.has(request.method) || !usesAmbientCredentials(request)) return;
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins.includes(origin)) {
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

/**
 * The path as the router sees it must be the path every other reader sees. `/api/auth/x/../sign-in/email`,
 * `/api/auth/%2e/sign-in/email` or `/api/auth/sign-in/./email` match no route of ours as written, yet a library
 * behind a catch-all (better-auth) normalises them and serves `/sign-in/email` — without the throttle and the
 * checks Kith's own route adds. So a path with dot segments (plain or percent-encoded), an encoded slash or
 * backslash, or a doubled slash is refused before any route is matched. Browsers and HTTP clients never send such
 * paths for a link they were given.
 */
export function isNormalPath(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  if (!path.startsWith("/") || path.includes("//") || /%2e|%2f|%5c|\\/i.test(path)) return false;
  return new URL(path, "http://kith.invalid").pathname === path;
}

export async function normalPathGuard(request: FastifyRequest, reply: FastifyReply) {
  if (!isNormalPath(request.url)) return sendProblem(reply, 404, "no such resource (the path is not in normal form)");
}
