import type { Readable } from "node:stream";
import {
  backupSchema,
  type Deps,
  exportBackup,
  getRestore,
  invalid,
  type RestoreJobView,
  restoreFailure,
  restoreJobSchema,
  restoreResultOf,
  restoreResultSchema,
  startRestore,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendProblem } from "../http/problem.ts";
import { idParams } from "../http/schemas.ts";

const tags = ["backup"];

/** A backup holds a whole account's history: far above the API's usual 1 MB body limit (KITH_RESTORE_MAX_BYTES). */
export const DEFAULT_RESTORE_MAX_BYTES = 256 * 1024 * 1024;
/**
 * Uploads up to this size are answered when their restore has ended (200 with what it wrote): a few seconds of
 * work at most, and the web and CLI get their answer in one request. Larger ones are answered 202 with the job at
 * once, and the client polls `GET /api/backup/restore/{id}`.
 */
export const RESTORE_WAIT_BYTES = 2 * 1024 * 1024;
/** How often a waiting request looks at its job, and for how long at most before it answers 202 all the same. */
const POLL_MS = 50;
const WAIT_MAX_MS = 5 * 60_000;

const tooLarge = (maxBytes: number) =>
  `the backup is larger than this server's limit of ${maxBytes} bytes (KITH_RESTORE_MAX_BYTES)`;

class TooLarge extends Error {}

/**
 * The request body as it arrives: kept out of `request.body`'s enumerable fields (the NUL guard walks a body's
 * fields; the restore's own checks refuse NUL in every row) and read once, by the handler, after authentication.
 */
class Upload {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  /** The body's text, decoded as it streams in, with the size limit counted on the bytes received. */
  async *text(maxBytes: number, counted: { bytes: number }): AsyncGenerator<string> {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const decode = (chunk?: Uint8Array) => {
      try {
        return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      } catch {
        throw invalid("(body)", "is not UTF-8 text");
      }
    };
    // Read by hand rather than with for-await: leaving that loop by a throw would destroy the request, and with it
    // the connection the 413 is sent on. Left as it is, the rest of the body is discarded after the answer.
    const chunks = (this.#stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      counted.bytes += next.value.length;
      if (counted.bytes > maxBytes) throw new TooLarge();
      yield decode(next.value);
    }
    yield decode();
  }
}

async function ended(deps: Deps, actor: Parameters<typeof getRestore>[1], id: string): Promise<RestoreJobView> {
  const until = Date.now() + WAIT_MAX_MS;
  for (;;) {
    const job = await getRestore(deps, actor, id);
    if (job.status === "committed" || job.status === "failed" || Date.now() > until) return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Backup download, and restore as a job (issue #18 item 3): the upload streams into the job's stored file (never
 * parsed whole), is checked there, and the restore worker writes it in batches. One restore per account at a time.
 */
export function registerBackupRoutes(
  app: FastifyInstance,
  deps: Deps,
  opts: { maxBytes?: number; onQueued?: () => void } = {},
) {
  const maxBytes = opts.maxBytes ?? DEFAULT_RESTORE_MAX_BYTES;
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
  r.get(
    "/api/backup/restore/:id",
    {
      schema: {
        tags,
        summary: "A restore's progress and outcome (owner only)",
        params: idParams,
        response: { 200: restoreJobSchema },
      },
    },
    async (req) => getRestore(deps, req.actor, req.params.id),
  );
  app.register(async (scope) => {
    // The body is not parsed here: the handler streams it into the job's file.
    scope.addContentTypeParser("application/json", (_req, payload, done) => done(null, new Upload(payload)));
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/backup/restore",
      {
        schema: {
          tags,
          summary:
            "Restore a backup into this account, which must be empty (owner only): 200 when a small one has " +
            "been restored, else 202 with the job to poll at GET /api/backup/restore/{id}",
          body: backupSchema,
          response: { 200: restoreResultSchema, 202: restoreJobSchema },
        },
        // The schema documents the body; the restore checks it as it reads the stored upload.
        validatorCompiler: () => (data) => ({ value: data }),
        // Above the limit, 413 from the declared length, before the body is read.
        onRequest: async (req, reply) => {
          const declared = Number(req.headers["content-length"] ?? 0);
          if (declared > maxBytes) return sendProblem(reply.header("connection", "close"), 413, tooLarge(maxBytes));
        },
      },
      async (req, reply) => {
        const upload = req.body as unknown;
        if (!(upload instanceof Upload)) throw invalid("(body)", "send the backup, a JSON object, as application/json");
        const counted = { bytes: 0 };
        let job: RestoreJobView;
        try {
          job = await startRestore(deps, req.actor, upload.text(maxBytes, counted));
        } catch (error) {
          if (error instanceof TooLarge)
            return sendProblem(reply.header("connection", "close"), 413, tooLarge(maxBytes));
          throw error;
        }
        opts.onQueued?.();
        const location = `/api/backup/restore/${job.id}`;
        if (counted.bytes > RESTORE_WAIT_BYTES) return reply.code(202).header("location", location).send(job);
        const end = await ended(deps, req.actor, job.id);
        if (end.status === "committed") return reply.code(200).send(restoreResultOf(end));
        if (end.status === "failed") {
          // A backup that failed the job's check: the 400 naming its path, as for any input.
          if (end.issues.length > 0) throw restoreFailure(end);
          return sendProblem(reply, 409, end.error ?? "the restore failed");
        }
        return reply.code(202).header("location", location).send(end);
      },
    );
  });
}
