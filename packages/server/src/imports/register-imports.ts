import type { Deps } from "@kith/core";
import type { Config } from "@kith/runtime";
import type { FastifyInstance } from "fastify";
import { registerImportRoutes } from "./import-routes.ts";
import { createImportWorker } from "./import-worker.ts";

/** How often an idle instance looks for jobs queued elsewhere or left by an instance that died. */
const POLL_MS = 2000;

/** Import routes and this instance's import worker, which runs while the app does and stops when it closes. */
export function registerImports(app: FastifyInstance, config: Config, deps: Deps) {
  const worker = createImportWorker(deps, { pollMs: POLL_MS, log: app.log });
  app.addHook("onReady", async () => worker.start());
  app.addHook("onClose", async () => worker.stop());
  registerImportRoutes(app, deps, { maxBytes: config.imports.maxBytes, onQueued: () => worker.kick() });
}
