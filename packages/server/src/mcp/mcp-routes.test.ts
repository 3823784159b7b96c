import { DIALECTS } from "@kith/store/testing";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { addMember, type Call, signUp, useTestServer } from "../testing/test-server.ts";

const textOf = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;

describe.each(DIALECTS)("Kith over MCP (streamable HTTP) on %s", (dialect) => {
  const s = useTestServer(dialect);

  async function tokenFor(call: Call, headers: Record<string, string> = {}) {
    const res = await call("POST", "/api/tokens", { name: "assistant" }, headers);
    expect(res.statusCode).toBe(201);
    return res.json().token as string;
  }

  async function connect(token: string) {
    const address = await s.app.listen({ port: 0, host: "127.0.0.1" });
    const client = new Client({ name: "kith-test-assistant", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${address}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    return client;
  }

  /** Zoë, close circle (30 days), last talked to in July: overdue on 2 November. */
  async function zoe(call: Call) {
    const contact = await call("POST", "/api/contacts", {
      firstName: "Zoë",
      lastName: "Ångström",
      circle: "close",
      emails: [{ address: "zoë@exämple.com" }],
      interests: ["sailing"],
    });
    expect(contact.statusCode).toBe(201);
    const id = contact.json().id as string;
    const logged = await call("POST", "/api/interactions", {
      contactIds: [id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-07-01T10:00:00.000Z",
      summary: "Talked about her sailing trip",
    });
    expect(logged.statusCode).toBe(201);
    return id;
  }

  it("answers who to follow up with today and what to say, then logs what happened", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const zoeId = await zoe(ada.call);
    const client = await connect(await tokenFor(ada.call));

    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(
      [
        "add_ask",
        "add_follow_up",
        "asks",
        "done",
        "draft_message",
        "find_paths",
        "log_interaction",
        "progress",
        "save_article",
        "search_companies",
        "search_contacts",
        "show_contact",
        "snooze",
        "today",
        "who_do_you_know_at",
      ].sort(),
    );
    expect(byName.get("today")?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get("progress")?.annotations?.readOnlyHint).toBe(true);
    // Progress's output schema is the core's own: the job search's stages are the pipeline's vocabulary.
    const progressProps = byName.get("progress")?.outputSchema?.properties as Record<string, unknown>;
    expect(Object.keys(progressProps).sort()).toEqual(["coverage", "jobSearch", "network", "todayOn"]);
    expect(JSON.stringify(progressProps.jobSearch)).toContain('"interviewing"');
    expect(byName.get("done")?.annotations?.readOnlyHint).toBe(false);
    // The input schemas are the core's own: a kind outside the vocabulary is not offered.
    const logProps = byName.get("log_interaction")?.inputSchema.properties as Record<string, { enum?: string[] }>;
    expect(logProps.kind?.enum).toEqual(["email", "call", "meeting", "message", "letter", "social", "other"]);

    const today = textOf(await client.callTool({ name: "today", arguments: {} }));
    expect(today).toContain("1 follow-up for 2026-11-02");
    expect(today).toContain(`Zoë Ångström (contact ${zoeId})`);
    expect(today).toContain("Draft:");
    expect(today).toContain("Hi Zoë");

    const found = textOf(await client.callTool({ name: "search_contacts", arguments: { q: "ångström" } }));
    expect(found.split("\n")[0]).toBe(`Zoë Ångström (${zoeId})`);

    const done = await client.callTool({
      name: "done",
      arguments: { contactId: zoeId, kind: "email", summary: "Asked how the crossing went" },
    });
    expect(done.isError).toBeFalsy();
    expect(textOf(done)).toContain("Done and logged.");
    expect(textOf(await client.callTool({ name: "today", arguments: {} }))).toContain("Nothing is due today");

    const timeline = await ada.call("GET", `/api/interactions?contactId=${zoeId}`);
    expect(timeline.json().items.map((i: { summary: string }) => i.summary)).toEqual([
      "Asked how the crossing went",
      "Talked about her sailing trip",
    ]);

    const resource = await client.readResource({ uri: `kith://contacts/${zoeId}` });
    const first = resource.contents[0] as { text: string };
    expect(JSON.parse(first.text).contact.displayName).toBe("Zoë Ångström");
    await client.close();
  });

  it("answers who you know at a company, through whom, with a drafted ask, and records the ask", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const acme = (await ada.call("POST", "/api/companies", { name: "Acme Robotics" })).json();
    const ana = (await ada.call("POST", "/api/contacts", { firstName: "Ana", lastName: "Ruiz" })).json();
    const leo = (
      await ada.call("POST", "/api/contacts", { firstName: "Leo", lastName: "Park", companyId: acme.id })
    ).json();
    await ada.call("POST", "/api/interactions", {
      contactIds: [ana.id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-10-20T10:00:00.000Z",
    });
    await ada.call("POST", "/api/relationships", { fromContactId: ana.id, toContactId: leo.id, kind: "colleague" });
    const client = await connect(await tokenFor(ada.call));

    const found = textOf(await client.callTool({ name: "search_companies", arguments: { q: "acme" } }));
    expect(found.split("\n")[0]).toBe(`Acme Robotics (${acme.id})`);
    const who = textOf(await client.callTool({ name: "who_do_you_know_at", arguments: { companyId: acme.id } }));
    expect(who).toContain("At Acme Robotics:\n2nd degree: Leo Park (through Ana Ruiz)");
    expect(who).toContain("Ask Ana Ruiz first");
    const paths = textOf(await client.callTool({ name: "find_paths", arguments: { to: `company:${acme.id}` } }));
    expect(paths.split("\n")[0]).toBe("You → Ana Ruiz → Leo Park");

    const asked = await client.callTool({
      name: "add_ask",
      arguments: { contactId: ana.id, about: { kind: "company", companyId: acme.id } },
    });
    expect(asked.isError).toBeFalsy();
    const asks = JSON.parse(textOf(await client.callTool({ name: "asks", arguments: {} })).split("\n\n")[1] ?? "[]");
    expect(asks.map((a: { status: string }) => a.status)).toEqual(["asked"]);
    await client.close();
  });

  it("tells the progress: the week's habit, replies, connections built and the job search, as structured content", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const zoeId = await zoe(ada.call);
    await ada.call("POST", "/api/interactions", {
      contactIds: [zoeId],
      kind: "email",
      direction: "outbound",
      occurredAt: "2026-11-02T09:00:00.000Z",
    });
    const job = await ada.call("POST", "/api/opportunities", { title: "Ingénieure 🚀", companyName: "Acmé" });
    expect(job.statusCode).toBe(201);
    const client = await connect(await tokenFor(ada.call));

    const result = await client.callTool({ name: "progress", arguments: {} });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toMatch(/^Progress on 2026-11-02:\nThis week: 1 of \d+ reach-outs/);
    expect(text).toContain("Replies since 2025-11-02: 0 of 1 answered (0%); by channel email 0/1.");
    expect(text).toContain("Job search: interested 1.");
    expect(text).not.toContain("Zoë");
    const progress = result.structuredContent as {
      coverage: unknown;
      network: { habit: { weekCount: number } };
      jobSearch: { stages: { stage: string; count: number }[] };
    };
    expect(progress.coverage).toEqual({ everything: true, tags: [] });
    expect(progress.network.habit.weekCount).toBe(1);
    expect(progress.jobSearch.stages.find((st) => st.stage === "interested")?.count).toBe(1);
    // The resource is the same figures, for an assistant that reads rather than calls.
    const resource = await client.readResource({ uri: "kith://progress" });
    expect(JSON.parse((resource.contents[0] as { text: string }).text)).toEqual(progress);
    await client.close();
  });

  it("refuses a viewer's writes and another account's ids in Kith's words, and reads for the viewer", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const vi = await signUp(s, "Vi", "vi@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    await addMember(ada.call, vi.call, "vi@example.com", "viewer");
    const zoeId = await zoe(ada.call);
    const bobsId = await zoe(bob.call);
    const adaAccount = (await ada.call("GET", "/api/account")).json().id as string;
    const viewer = await connect(await tokenFor(vi.call, { "x-kith-account": adaAccount }));

    expect(textOf(await viewer.callTool({ name: "today", arguments: {} }))).toContain("Zoë Ångström");
    const progress = await viewer.callTool({ name: "progress", arguments: {} });
    expect(progress.isError).toBeFalsy();
    expect(textOf(progress)).toMatch(/^Progress on 2026-11-02:/);
    const write = await viewer.callTool({
      name: "log_interaction",
      arguments: { contactIds: [zoeId], kind: "call", direction: "mutual" },
    });
    expect(write.isError).toBe(true);
    expect(textOf(write)).toMatch(/editor/);
    const others = await viewer.callTool({ name: "show_contact", arguments: { contactId: bobsId } });
    expect(others.isError).toBe(true);
    expect(textOf(others)).toBe(`contact ${bobsId} was not found`);
    const bad = await viewer.callTool({ name: "snooze", arguments: { contactId: zoeId } });
    expect(bad.isError).toBe(true);
    expect((await ada.call("GET", `/api/interactions?contactId=${zoeId}`)).json().items).toHaveLength(1);
    await viewer.close();
  });

  it("wants an API token: a cookie or nothing is a 401, GET is a 405", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } },
    };
    // No Origin: an assistant is not a browser; the cookie is refused for what it is, not for a missing Origin.
    const headers = { accept: "application/json, text/event-stream" };
    const withCookie = await s.app.inject({
      method: "POST",
      url: "/mcp",
      headers: { ...headers, cookie: ada.cookie },
      payload: initialize,
    });
    expect(withCookie.statusCode).toBe(401);
    expect(withCookie.json().detail).toContain("Authorization: Bearer");
    const wrongToken = await s.app.inject({
      method: "POST",
      url: "/mcp",
      headers: { ...headers, authorization: "Bearer kith_nope" },
      payload: initialize,
    });
    expect(wrongToken.statusCode).toBe(401);
    expect((await s.app.inject({ method: "GET", url: "/mcp" })).statusCode).toBe(405);
  });
});
