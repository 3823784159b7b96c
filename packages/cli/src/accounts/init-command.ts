import { conflict, signUp } from "@kith/core";
import { betterAuthRegistrar, loadConfig, openAuth, openRuntime } from "@kith/runtime";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.ts";
import type { Env } from "../client/open-client.ts";

export interface InitInput {
  email: string;
  name: string;
  password: string;
  timeZone?: string | undefined;
}

export interface InitResult {
  userId: string;
  email: string;
  name: string;
  accountId: string;
}

/**
 * Creates the first user (and the account they own) with the sign-up service the sign-up page uses, through
 * better-auth, so the password is hashed and stored the way the server expects when that user later signs in on
 * the web. No HTTP server is started.
 */
export async function initAccount(env: Env, input: InitInput): Promise<InitResult> {
  const config = { ...loadConfig(env), logLevel: "silent" };
  const { open, deps } = await openRuntime(config);
  try {
    if ((await deps.store.users.count()) > 0) {
      throw conflict("this database already has a user; sign in on the web app or use `kith` as is");
    }
    const { user, actor } = await signUp(deps, betterAuthRegistrar(openAuth(config, open, deps)), input);
    return { userId: user.id, email: user.email, name: user.name, accountId: actor.accountId };
  } finally {
    await open.close();
  }
}

export function registerInitCommand(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .description("create the first user and their account in the local database")
    .requiredOption("--email <address>", "your email address (you sign in with it)")
    .requiredOption("--name <name>", "your name")
    .requiredOption("--password <password>", "at least 10 characters")
    .option("--time-zone <zone>", "IANA time zone of the account", Intl.DateTimeFormat().resolvedOptions().timeZone)
    .action(async (flags: InitInput, command: Command) => {
      const result = await initAccount(ctx.io.env, flags);
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      ctx.io.stdout(
        json
          ? `${JSON.stringify(result, null, 2)}\n`
          : `created ${result.name} <${result.email}>, owner of account ${result.accountId}\n`,
      );
    });
}
