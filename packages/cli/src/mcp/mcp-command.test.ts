import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { printedId, runCaptured } from "../testing/cli-harness.ts";
import { useCliServer } from "../testing/cli-server.ts";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const textOf = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;

/** `kith … mcp` as an assistant starts it: a child process spoken to over its standard input and output. */
async function assistant(args: readonly string[], env: Record<string, string>) {
  const client = new Client({ name: "kith-test-assistant", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ["--import", "tsx", MAIN, ...args, "mcp"],
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
      stderr: "pipe",
    }),
  );
  return client;
}

/** Zoë (close circle), last talked to in July 2026: overdue on any day this test runs. */
async function seedZoe(kith: (...argv: string[]) => ReturnType<typeof runCaptured>) {
  const added = await kith("contacts", "add", "--first", "Zoë", "--last", "Ångström", "--circle", "close");
  expect(added.code, added.stderr).toBe(0);
  const id = printedId(added);
  const logged = await kith("log", id, "--kind", "call", "--dir", "mutual", "--at", "2026-07-01T10:00:00Z");
  expect(logged.code, logged.stderr).toBe(0);
  return id;
}

async function followUpAndLog(client: Client, zoeId: string) {
  const today = textOf(await client.callTool({ name: "today", arguments: {} }));
  expect(today).toContain(`Zoë Ångström (contact ${zoeId})`);
  expect(today).toContain("Hi Zoë");
  const done = await client.callTool({ name: "done", arguments: { contactId: zoeId, kind: "email" } });
  expect(done.isError).toBeFalsy();
  expect(textOf(done)).toContain("Done and logged.");
  const shown = textOf(await client.callTool({ name: "show_contact", arguments: { contactId: zoeId } }));
  expect(shown).toContain('"kind": "email"');
  // The email just logged is this week's one reach-out.
  const progress = await client.callTool({ name: "progress", arguments: {} });
  expect(textOf(progress)).toMatch(/^This week: 1 of \d+ reach-outs/m);
  expect((progress.structuredContent as { network: { habit: { weekCount: number } } }).network.habit.weekCount).toBe(1);
}

describe("kith mcp on the local database (stdio)", () => {
  let dir = "";
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("answers today with drafts and logs what happened, as the local owner", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kith-mcp-"));
    const env = { KITH_DATA_DIR: dir };
    const kith = (...argv: string[]) => runCaptured(argv, { env });
    const init = await kith(
      "init",
      "--email",
      "ada@example.com",
      "--name",
      "Ada",
      "--password",
      "correct-horse-battery",
    );
    expect(init.code, init.stderr).toBe(0);
    const zoeId = await seedZoe(kith);

    const client = await assistant([], env);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("today");
    await followUpAndLog(client, zoeId);
    await client.close();
  });
});

describe("kith mcp against a server (stdio bridged to /mcp)", () => {
  const { server, kith } = useCliServer("sqlite");

  it("offers the server's tools with the token's role and acts through them", async () => {
    const zoeId = await seedZoe(kith);
    const client = await assistant(["--url", server.address, "--token", server.token], {});
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === "log_interaction")?.annotations?.readOnlyHint).toBe(false);
    await followUpAndLog(client, zoeId);
    const templates = await client.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual(["kith://contacts/{contactId}"]);
    await client.close();
  });

  it("needs a token with --url, in words", async () => {
    const run = await runCaptured(["--url", server.address, "mcp"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("--url needs an API token");
  });
});
