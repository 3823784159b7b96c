import type { FastifyInstance } from "fastify";
import { type AppContext, buildApp } from "./app.ts";
import { runsBackgroundJobs } from "./cluster.ts";
import type { JobRunner } from "./jobs/job-runner.ts";

export type { AppContext } from "./app.ts";

export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:3000 (the real port when 0 was asked for). */
  address: string;
  jobs: JobRunner;
}

/**
 * Whether the heavy jobs (imports, restores) run in the jobs thread (`jobs/threaded-jobs.ts`), which opens the
 * configured database itself: unless told, whenever that is a database another connection can share — PostgreSQL,
 * or a SQLite file (not `:memory:`, which only this connection sees). A caller whose `open` is not the configured
 * database (a test's own database or schema) says `jobsThread: false`.
 */
export const jobsThreadByDefault = ({ config, open }: Pick<AppContext, "config" | "open">): boolean =>
  open.dialect === "postgres" || config.dataDir !== ":memory:";

/**
 * The one way a server process starts, for `npm start` (`main.ts`, in each worker of a cluster) and `kith serve`
 * (which loads this module on demand, `@kith/server/start`): the app, its background jobs when this process runs
 * them (a single process does, and one worker of a cluster: `cluster.ts`) — imports and restores in the jobs
 * thread unless `ctx.jobsThread` is false (`jobsThreadByDefault`) —, then the port. Closing the app stops the jobs
 * (after the pass in hand) before the database may be closed.
 */
export async function startServer(ctx: AppContext, options: { runJobs?: boolean } = {}): Promise<RunningServer> {
  const { app, jobs } = await buildApp({ ...ctx, jobsThread: ctx.jobsThread ?? jobsThreadByDefault(ctx) });
  try {
    await app.ready();
    if (options.runJobs ?? runsBackgroundJobs()) jobs.start();
    const address = await app.listen({ port: ctx.config.port, host: ctx.config.host });
    return { app, address, jobs };
  } catch (error) {
    await app.close();
    throw error;
  }
}
