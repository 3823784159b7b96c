import type { CliContext, CliIo } from "./cli-context.ts";
import type { KithClient } from "./client/kith-client.ts";
import { type ConnectOptions, openClient } from "./client/open-client.ts";
import { reportError } from "./errors.ts";
import { buildProgram } from "./program.ts";

export interface RunOptions {
  /** How commands get their client; tests pass one bound to a test database. Default: --url or the local DB. */
  connect?: (options: ConnectOptions) => Promise<KithClient>;
}

/** Runs one command line (without `node kith`) and returns the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  const ctx: CliContext = { io, connect: options.connect ?? ((connect) => openClient(connect, io.env)) };
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, io.stderr, Boolean(io.env.KITH_DEBUG));
  }
}
