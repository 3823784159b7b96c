import type { Deps } from "@kith/core";
import { type Config, loadConfig, openRuntime } from "@kith/runtime";
import type { OpenDatabase } from "@kith/store";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.ts";

export interface ServeContext {
  config: Config;
  open: OpenDatabase;
  deps: Deps;
  /**
   * Imports and restores in the server's jobs thread, on its own connection to the configured database (the
   * default when that is a file or PostgreSQL); false runs them on the loop (a test whose `open` is its own).
   */
  jobsThread?: boolean;
}

export interface RunningServer {
  app: { close(): Promise<unknown> };
  /** The address it listens on, e.g. http://127.0.0.1:3000 (the real port when 0 was asked for). */
  address: string;
}

/**
 * The same server `npm start` runs (the app and its background jobs), listening on the configured host and port.
 * This is the CLI's one way into the HTTP server: `@kith/server/start`, loaded on demand, so no other command loads
 * Fastify or the routes; the CLI's package.json names the server an optional peer, used by this import alone. Chosen
 * over spawning the built server: one process (signals, exit code and logs as they were), no build step first, and
 * the configuration already read here is the one served.
 */
export async function startServer(ctx: ServeContext): Promise<RunningServer> {
  const server = await import("@kith/server/start");
  return server.startServer(ctx);
}

const untilSignal = () =>
  new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command("serve")
    .description("run the Kith server (web app, API and background jobs) in this process")
    .option("--port <port>", "port to listen on (default: PORT or 3000)")
    .option("--host <host>", "address to listen on (default: HOST or 127.0.0.1)")
    .action(async (flags: { port?: string; host?: string }) => {
      const env = {
        ...ctx.io.env,
        ...(flags.port ? { PORT: flags.port } : {}),
        ...(flags.host ? { HOST: flags.host } : {}),
      };
      const config = loadConfig(env);
      const { open, deps } = await openRuntime(config);
      const { app, address } = await startServer({ config, open, deps });
      ctx.io.stderr(`Kith is listening on ${address}; open ${config.publicUrl}\n`);
      await untilSignal();
      await app.close(); // stops the background jobs too
      await open.close();
    });
}
