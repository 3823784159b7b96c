import { DomainError } from "@kith/core";
import type { Command } from "commander";
import type { KithClient } from "./client/kith-client.ts";
import type { ConnectOptions, Env } from "./client/open-client.ts";

/** Where a run writes and what it reads: process.stdout/stderr/env in main, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Env;
  /** Standard error is a terminal: progress can be redrawn in place. */
  isTTY?: boolean;
}

export interface GlobalOptions extends ConnectOptions {
  json?: boolean | undefined;
}

export interface CliContext {
  io: CliIo;
  connect(options: ConnectOptions): Promise<KithClient>;
}

/** What a command hands its result to: raw JSON with --json, else the human rendering. */
export interface Presenter {
  readonly json: boolean;
  show<T>(value: T, human: (value: T) => string): void;
  note(text: string): void;
}

function presenter(io: CliIo, json: boolean): Presenter {
  return {
    json,
    show: (value, human) => io.stdout(`${json ? JSON.stringify(value, null, 2) : human(value)}\n`),
    note: (text) => io.stderr(`${text}\n`),
  };
}

export interface ActionScope {
  client: KithClient;
  out: Presenter;
  /** Positional arguments of the command, in order. */
  args: string[];
}

/** Wraps a command body: opens the client per the global options, presents, and always closes the client. */
export function clientAction<O extends object>(
  ctx: CliContext,
  body: (scope: ActionScope, options: O) => Promise<void>,
) {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const globals = command.optsWithGlobals<GlobalOptions>();
    const client = await ctx.connect(globals);
    try {
      await body({ client, out: presenter(ctx.io, globals.json === true), args: command.args }, command.opts<O>());
    } finally {
      await client.close();
    }
  };
}

/** Commander's collector for repeatable options (--email a --email b). */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export const toNumber = (value: string): number => Number(value);

/** A value that must be one of `values`, else a validation error naming it ("--as must be one of knows, …"). */
export function oneOf<T extends string>(values: readonly T[], name: string, value: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new DomainError("validation", `${name} must be one of ${values.join(", ")}`);
}

/** Drops undefined fields, so that an edit only sends what was given. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
