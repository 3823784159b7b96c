import { backupSchema, type Deps, exportBackup, restoreBackup, restoreResultSchema } from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

const tags = ["backup"];

/** A backup holds a whole account's history: far above the API's usual 1 MB body limit. */
export const DEFAULT_RESTORE_MAX_BYTES = 256 * 1024 * 1024;

export function registerBackupRoutes(app: FastifyInstance, deps: Deps, opts: { maxBytes?: number } = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
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
      bodyLimit: opts.maxBytes ?? DEFAULT_RESTORE_MAX_BYTES,
      schema: {
        tags,
        summary: "Restore a backup into this account, which must be empty (owner only)",
        body: backupSchema,
        response: { 200: restoreResultSchema },
      },
    },
    async (req) => restoreBackup(deps, req.actor, req.body),
  );
}
