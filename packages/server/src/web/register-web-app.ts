import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where `npm run build:web` writes the app (packages/web/dist), seen from this file in the sources
 * (packages/server/src/web) or from the server bundle `npm start` runs (dist/server.mjs).
 */
export const DEFAULT_WEB_DIST =
  [path.resolve(here, "../../../web/dist"), path.resolve(here, "../packages/web/dist")].find((dir) =>
    existsSync(path.join(dir, "index.html")),
  ) ?? path.resolve(here, "../../../web/dist");

export interface WebAppOptions {
  distDir?: string;
}

/** Hashed file names never change content, so they may be cached for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The entry page and the service worker must be revalidated, or a deploy would never reach the browser. */
const REVALIDATE = "no-cache";

export function cacheControlFor(filePath: string): string {
  const base = path.basename(filePath);
  if (base === "index.html" || base === "sw.js") return REVALIDATE;
  if (filePath.split(path.sep).includes("assets")) return IMMUTABLE;
  return "public, max-age=3600";
}

/**
 * Serves the built web app from the same process as the API: files as they are, and index.html for every other
 * GET outside /api so client-side routes survive a reload. Without a build it says how to make one.
 */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const distDir = options.distDir ?? DEFAULT_WEB_DIST;
  const hasBuild = existsSync(path.join(distDir, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: distDir,
      // One route per built file (found at start-up) leaves `/*` free for the SPA fallback below.
      wildcard: false,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header("cache-control", cacheControlFor(filePath)),
    });
  }
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    // API paths and missing files (a stale hashed asset after a deploy) are real 404s, not the app's page.
    if (pathname === "/api" || pathname.startsWith("/api/") || /\.[a-z0-9]+$/i.test(pathname)) {
      return reply.callNotFound();
    }
    if (!hasBuild) {
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The web app is not built yet: run `npm run build:web` (or `npm start`, which builds it).");
    }
    return reply.header("cache-control", REVALIDATE).sendFile("index.html");
  });
}
