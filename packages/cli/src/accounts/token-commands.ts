import type { ApiToken } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import type { CreatedToken } from "../client/kith-client.ts";
import { renderTable } from "../output/table.ts";

const day = (instant: string | null) => instant?.slice(0, 10) ?? "never";

export function tokensTable(tokens: readonly ApiToken[]): string {
  if (tokens.length === 0) return "no API tokens";
  return renderTable(
    ["ID", "NAME", "PREFIX", "CREATED", "LAST USED"],
    tokens.map((t) => [t.id, t.name, `${t.prefix}…`, day(t.createdAt), day(t.lastUsedAt)]),
  );
}

const created = (t: CreatedToken) =>
  `created API token "${t.name}" (${t.id}); copy it now, it is not shown again:\n${t.token}`;

export function registerTokenCommands(program: Command, ctx: CliContext): void {
  const tokens = program.command("tokens").description("API tokens for scripts and `kith --url`");
  tokens
    .command("create <name>")
    .description("create an API token; prints the secret once")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        out.show(await client.createToken(args[0]!), created);
      }),
    );
  tokens
    .command("list")
    .description("your API tokens in this account (secrets are never shown again)")
    .action(
      clientAction(ctx, async ({ client, out }) => {
        const items = await client.listTokens();
        out.show({ items }, (page) => tokensTable(page.items));
      }),
    );
}
