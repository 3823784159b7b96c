import { createApiToken, resolveActor } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { COACH_ROUTES } from "./shares/coach-routes.ts";
import { OPERATIONS, sampleOf } from "./testing/openapi-samples.ts";
import { signUp, useTestServer } from "./testing/test-server.ts";

/**
 * A coach sees exactly what was shared and nothing else (issue #16): Alice shares the contacts tagged "shared" and
 * the job search with Carol, who calls every route of the API in Alice's account. Routes not on the coach's list
 * answer 403 whatever they are given; the listed ones answer only for the shared contacts (any other is a 404, like a
 * missing one) and the job search; her progress counts the shared contact's interactions only (the hidden one's
 * would change each figure); nothing of Alice's changes but the comment Carol may write. Narrowing the scope
 * closes the job search at once; revoking ends her session's and her token's access at once.
 */
const OPEN = new Set(COACH_ROUTES.map(([method, url]) => `${method} ${url.replace(/:(\w+)/g, "{$1}")}`));

describe.each(DIALECTS)("a coach's view on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("every route outside the coach's list is refused; listed ones answer only what is shared", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const carol = await signUp(s, "Carol Coach", "carol@example.com");
    const account = (await alice.call("GET", "/api/account")).json().id as string;
    const company = (await alice.call("POST", "/api/companies", { name: "Hiddenco", target: true })).json();
    const shared = (
      await alice.call("POST", "/api/contacts", { firstName: "Zoë", lastName: "Shared", tags: ["Shared"] })
    ).json();
    const hidden = (
      await alice.call("POST", "/api/contacts", {
        firstName: "Hidden",
        lastName: "Person 🙈",
        companyId: company.id,
        tags: ["family"],
      })
    ).json();
    await alice.call("POST", "/api/interactions", { contactIds: [hidden.id], kind: "call", direction: "outbound" });
    await alice.call("POST", "/api/interactions", { contactIds: [shared.id], kind: "call", direction: "outbound" });
    const opportunity = (
      await alice.call("POST", "/api/opportunities", { title: "Staff role", companyName: "Acme" })
    ).json();

    const invited = await alice.call("POST", "/api/shares", {
      email: "carol@example.com",
      scope: { kind: "scoped", tags: ["shared"], jobSearch: true },
    });
    expect(invited.statusCode).toBe(201);
    const token = new URL(invited.json().link).hash.slice(1);
    expect((await carol.call("POST", "/api/invitations/accept", { token })).statusCode).toBe(200);
    const asCoach = (method: string, url: string, body?: unknown) =>
      carol.call(method as "GET", url, body, { "x-kith-account": account });
    const coachActor = await resolveActor(s.deps, carol.userId, account);
    const apiToken = (await createApiToken(s.deps, coachActor, { name: "coach cli" })).token;

    const before = (await alice.call("GET", "/api/backup")).json();
    const refused: string[] = [];
    const wrong: string[] = [];
    for (const op of OPERATIONS) {
      if (op.key.startsWith("POST /api/auth/")) continue; // signing up and in: no account to act in
      if (op.key === "GET /api/auth/sso") continue; // public: the server's sign-in provider, for the sign-in page
      if (OPEN.has(op.key) && op.method !== "get") continue; // the comment, the coach's one write: checked below
      const url = op.path
        .replace("{contactId}", hidden.id)
        .replace("{address}", "stranger@example.com")
        .replace(/\{(\w+)\}/g, () => (op.path.startsWith("/api/opportunities") ? opportunity.id : hidden.id));
      const body = op.body ? sampleOf(op.body, hidden.id) : undefined;
      const res = await asCoach(op.method.toUpperCase(), url, body);
      if (res.body.includes("Hidden")) wrong.push(`${op.key} showed the hidden contact`);
      if (OPEN.has(op.key)) continue;
      if (res.statusCode === 403) refused.push(op.key);
      else wrong.push(`${op.key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(refused.length).toBeGreaterThan(150);
    const after = (await alice.call("GET", "/api/backup")).json();
    expect({ ...after, exportedAt: "" }).toEqual({ ...before, exportedAt: "" });

    // What is shared: the tagged contact, its timeline, the job search, and the comment thread.
    const list = (await asCoach("GET", "/api/contacts")).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([shared.id]);
    expect((await asCoach("GET", "/api/contacts?q=Hidden")).json().items).toEqual([]);
    expect((await asCoach("GET", `/api/contacts/${shared.id}`)).statusCode).toBe(200);
    expect((await asCoach("GET", `/api/contacts/${hidden.id}`)).statusCode).toBe(404);
    expect((await asCoach("GET", `/api/interactions?contactId=${shared.id}`)).json().items).toHaveLength(1);
    expect((await asCoach("GET", `/api/interactions?contactId=${hidden.id}`)).statusCode).toBe(404);
    expect((await asCoach("GET", "/api/interactions")).statusCode).toBe(400);
    // The list's shape is the job search's (an array, or a page while paging changes): either way, this one only.
    const board = (await asCoach("GET", "/api/opportunities")).json();
    expect((Array.isArray(board) ? board : board.items).map((o: { id: string }) => o.id)).toEqual([opportunity.id]);
    const comment = await asCoach("POST", `/api/opportunities/${opportunity.id}/comments`, { body: "Nice — apply!" });
    expect(comment.statusCode).toBe(201);
    const thread = (await alice.call("GET", `/api/opportunities/${opportunity.id}/comments`)).json();
    expect(thread.items.map((c: { authorName: string; body: string }) => [c.authorName, c.body])).toEqual([
      ["Carol Coach", "Nice — apply!"],
    ]);
    // Progress counts the shared contact only: the hidden contact's call would make each figure 2 (as the owner's).
    const owners = (await alice.call("GET", "/api/progress")).json();
    expect([owners.network.habit.weekCount, owners.network.replies.overall.sent]).toEqual([2, 2]);
    const progress = await asCoach("GET", "/api/progress");
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({
      coverage: { everything: false, tags: ["shared"] },
      network: { habit: { weekCount: 1 }, replies: { overall: { sent: 1 }, byChannel: [{ kind: "call", sent: 1 }] } },
      jobSearch: {
        recentChanges: [{ title: "Staff role", fromStage: null, stage: "interested" }],
        stages: expect.arrayContaining([{ stage: "interested", count: 1 }]),
      },
    });
    expect((await asCoach("GET", "/api/today")).statusCode).toBe(403);
    expect((await asCoach("GET", "/api/me/access")).json()).toEqual({
      role: "coach",
      scope: { tags: ["shared"], jobSearch: true },
    });
    // A token made for the coach is the coach, on every face: refused outside the list, MCP included.
    const bearer = { authorization: `Bearer ${apiToken}` };
    const tokenCall = (method: "GET" | "POST", url: string, payload?: unknown) =>
      s.app.inject({ method, url, headers: bearer, ...(payload ? { payload: payload as object } : {}) });
    expect((await tokenCall("GET", "/api/contacts")).json().items).toHaveLength(1);
    expect((await tokenCall("GET", "/api/today")).statusCode).toBe(403);
    expect((await tokenCall("POST", "/mcp", { jsonrpc: "2.0", id: 1, method: "tools/list" })).statusCode).toBe(403);

    // The owner sees the share and its log; a narrower scope holds from the next request.
    const sharesRes = await alice.call("GET", "/api/shares");
    expect(sharesRes.statusCode, sharesRes.body).toBe(200);
    const shares = sharesRes.json().items;
    expect(shares).toMatchObject([{ userId: carol.userId, email: "carol@example.com" }]);
    expect(shares[0].lastSeenAt).not.toBeNull();
    const log = (await alice.call("GET", `/api/shares/${carol.userId}/access`)).json().items;
    expect(log[0].reads).toBeGreaterThan(10);
    expect(
      (
        await alice.call("PUT", `/api/shares/${carol.userId}`, {
          scope: { kind: "scoped", tags: ["shared"], jobSearch: false },
        })
      ).statusCode,
    ).toBe(200);
    expect((await asCoach("GET", "/api/opportunities")).statusCode).toBe(403);
    expect((await asCoach("GET", `/api/opportunities/${opportunity.id}/comments`)).statusCode).toBe(403);
    expect((await asCoach("GET", "/api/progress")).json()).toMatchObject({
      network: { habit: { weekCount: 1 } },
      jobSearch: null,
    });
    expect((await asCoach("GET", "/api/contacts")).statusCode).toBe(200);

    // Revoked: refused at once, session and token alike; her own account is hers still.
    expect((await alice.call("DELETE", `/api/shares/${carol.userId}`)).statusCode).toBe(204);
    expect((await asCoach("GET", "/api/contacts")).statusCode).toBe(404);
    expect((await tokenCall("GET", "/api/contacts")).statusCode).toBe(401);
    expect((await carol.call("GET", "/api/account")).json().id).not.toBe(account);
    expect((await alice.call("GET", "/api/shares")).json().items).toEqual([]);
  }, 240_000);
});
