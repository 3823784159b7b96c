import type { Actor, Deps } from "@kith/core";
import type { CliIo } from "../cli-context.ts";
import type { KithClient } from "../client/kith-client.ts";
import { createLocalClient } from "../client/local-client.ts";
import { runCli } from "../run-cli.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function captureIo(env: Record<string, string | undefined> = {}, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), env, isTTY };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** Runs one command line in-process and captures what it printed. */
export async function runCaptured(
  argv: readonly string[],
  options: { client?: KithClient; env?: Record<string, string | undefined>; isTTY?: boolean } = {},
): Promise<CliRun> {
  const capture = captureIo(options.env ?? {}, options.isTTY ?? false);
  const client = options.client;
  const code = await runCli(argv, capture.io, client ? { connect: async () => client } : {});
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

/** A runner bound to one member of a test database: the in-process client, as the CLI's default mode builds it. */
export const cliAs = (deps: Deps, actor: Actor) => {
  const client = createLocalClient(deps, actor);
  return (...argv: string[]) => runCaptured(argv, { client });
};

/** The id printed at the end of "added Rosa Diaz (id-000003)". */
export function printedId(run: CliRun): string {
  const match = /\(([^()\s]+)\)\s*$/.exec(run.stdout);
  if (!match?.[1]) throw new Error(`no id in output: ${run.stdout}${run.stderr}`);
  return match[1];
}
