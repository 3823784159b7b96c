import { DomainError } from "@kith/core";
import { createKithMcpServer, loadConfig, openArticleFetcher, openRuntime } from "@kith/runtime";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { Command } from "commander";
import type { CliContext, GlobalOptions } from "../cli-context.ts";
import { resolveLocalActor } from "../client/local-actor.ts";
import type { Env } from "../client/open-client.ts";

/** Resolves when the assistant closes standard input (the stdio transport closes with it). */
const closed = (transport: StdioServerTransport) =>
  new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });

/** In this process, on the local database (as every other command without --url). */
async function serveLocal(env: Env, accountId: string | undefined): Promise<void> {
  const config = { ...loadConfig(env), logLevel: "silent" as const };
  const { open, deps } = await openRuntime(config);
  try {
    const actor = await resolveLocalActor(open, deps, accountId);
    const server = createKithMcpServer({ deps, actor, articleFetcher: openArticleFetcher(config) });
    const transport = new StdioServerTransport();
    const done = closed(transport);
    await server.connect(transport);
    await done;
  } finally {
    await open.close();
  }
}

/**
 * Against a server: standard input and output bridged to its `/mcp` endpoint with the API token, so the tools,
 * their schemas and the token's role are the server's own (nothing of the catalogue is repeated here).
 */
async function serveRemote(url: string, token: string): Promise<void> {
  const upstream = new Client({ name: "kith-cli", version: "0.1.0" });
  await upstream.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", url), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  try {
    const info = upstream.getServerVersion() ?? { name: "kith", version: "0.1.0" };
    const instructions = upstream.getInstructions();
    const server = new Server(info, {
      capabilities: { tools: {}, resources: {} },
      ...(instructions ? { instructions } : {}),
    });
    server.setRequestHandler(ListToolsRequestSchema, (request) => upstream.listTools(request.params));
    server.setRequestHandler(CallToolRequestSchema, (request) => upstream.callTool(request.params));
    server.setRequestHandler(ListResourcesRequestSchema, (request) => upstream.listResources(request.params));
    server.setRequestHandler(ListResourceTemplatesRequestSchema, (request) =>
      upstream.listResourceTemplates(request.params),
    );
    server.setRequestHandler(ReadResourceRequestSchema, (request) => upstream.readResource(request.params));
    const transport = new StdioServerTransport();
    const done = closed(transport);
    await server.connect(transport);
    await done;
  } finally {
    await upstream.close();
  }
}

/** `kith mcp`: Kith's tools for an AI assistant, over standard input and output (issue #16). */
export function registerMcpCommand(program: Command, ctx: CliContext): void {
  program
    .command("mcp")
    .description(
      "serve Kith to an AI assistant over MCP on standard input and output: the local database, or a server with --url and --token",
    )
    .action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      const url = globals.url ?? ctx.io.env.KITH_URL;
      if (!url) return serveLocal(ctx.io.env, globals.account);
      const token = globals.token ?? ctx.io.env.KITH_TOKEN;
      if (!token) {
        throw new DomainError("unauthenticated", "--url needs an API token: pass --token kith_… or set KITH_TOKEN");
      }
      return serveRemote(url, token);
    });
}
