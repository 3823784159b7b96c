import { loadConfig, openRuntime } from "@kith/runtime";
import { type AppContext, buildApp } from "@kith/server";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.ts";

export interface RunningServer {
  app: Awaited<ReturnType<typeof buildApp>>["app"];
  /** The address it listens on, e.g. http://127.0.0.1:3000 (the real port when 0 was asked for). */
  address: string;
}

/** The same app `npm start` runs, listening on the configured host and port. */
export async function startServer(ctx: AppContext): Promise<RunningServer> {
  const { app } = await buildApp(ctx);
  const address = await app.listen({ port: ctx.config.port, host: ctx.config.host });
  return { app, address };
}

const untilSignal = () =>
  new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command("serve")
    .description("run the Kith server (web app and API) in this process")
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
      await app.close();
      await open.close();
    });
}
