import { backupSchema, type Deps, exportBackup, restoreBackup, restoreResultSchema } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendProblem } from "../http/problem.ts";

const tags = ["backup"];

/** A backup holds a whole account's history: far above the API's usual 1 MB body limit (KITH_RESTORE_MAX_BYTES). */
export const DEFAULT_RESTORE_MAX_BYTES = 256 * 1024 * 1024;

const BUSY = "another backup is being restored on this server; try again when it has finished";

export function registerBackupRoutes(app: FastifyInstance, deps: Deps, opts: { maxBytes?: number } = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // One restore at a time per process: a restore holds its whole parsed backup in memory (several times the
  // body's size), so two at once could take the server's memory from everyone.
  let restoring = false;
  r.get(
    "/api/backup",
    {
      schema: {
        tags,
        summary: "The whole account as a versioned JSON backup (settings, companies, contacts, history)",
        response: { 200: backupSchema },
      },
    },
    async (req, reply) =>
      reply
        .header("content-disposition", 'attachment; filename="kith-backup.json"')
        .send(await exportBackup(deps, req.actor)),
  );
  r.post(
    "/api/backup/restore",
    {
      // Above it, 413 from the declared length, before the body is read.
      bodyLimit: opts.maxBytes ?? DEFAULT_RESTORE_MAX_BYTES,
      schema: {
        tags,
        summary: "Restore a backup into this account, which must be empty (owner only)",
        body: backupSchema,
        response: { 200: restoreResultSchema },
      },
      // The schema documents the body; the service checks it, a slice at a time with turns of the event loop
      // between (`validateBackup`). Checking it here as well would hold the loop for the whole document.
      validatorCompiler: () => (data) => ({ value: data }),
      // Refused before the body is read while another restore runs.
      onRequest: async (_req, reply) => (restoring ? sendProblem(reply, 429, BUSY) : undefined),
    },
    async (req, reply) => {
      if (restoring) return sendProblem(reply, 429, BUSY);
      restoring = true;
      try {
        return await restoreBackup(deps, req.actor, req.body);
      } finally {
        restoring = false;
      }
    },
  );
}
