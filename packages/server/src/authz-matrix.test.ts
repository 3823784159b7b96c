import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiToken, resolveActor } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COACH_ROUTES } from "./shares/coach-routes.ts";
import { OPERATIONS as OPS, type Operation as Op, sampleOf as sample } from "./testing/openapi-samples.ts";
import { openTestServer, signUp, TEST_ORIGIN, type TestServer } from "./testing/test-server.ts";

/**
 * The standing authorization matrix (docs/RELIABILITY.md), generated from docs/openapi.json: every operation ×
 * every kind of caller of account A × every kind of object of account B (in the path and in the body's id
 * fields), an id that exists nowhere, A's owner naming B's account, anonymous callers, viewers writing, and path
 * tricks on every route. Nothing of B may change or show (its backup is the same before and after, and no answer
 * to A holds B's marker), no answer is a 500, and each call gets the status its kind of case must get.
 */

const MARKER = "Zebulonsecretmarker";
const PUBLIC = new Set([
  "POST /api/auth/sign-up/email",
  "POST /api/auth/sign-in/email",
  // Single sign-on: which provider the sign-in page offers, and the start of signing in through it.
  "GET /api/auth/sso",
  "POST /api/auth/sign-in/sso",
]);
const WRITE = new Set(["post", "patch", "put", "delete"]);
/**
 * Writes any member makes for themself, a viewer too: their own calendar feed link, their own verification mail,
 * a test digest to their own address, their own API tokens (a token cannot make one; another user's token is 404),
 * their own password (changed, or a first one set after signing up through single sign-on: 409 once one exists).
 */
const SELF_SERVICE = new Set([
  "POST /api/calendar/feed",
  "DELETE /api/calendar/feed",
  "POST /api/email-verification",
  "POST /api/notify/test",
  "POST /api/tokens",
  "DELETE /api/tokens/{id}",
  "POST /api/password",
  "POST /api/password/set",
  "POST /api/email",
  "POST /api/sessions/sign-out-others",
  "DELETE /api/sessions/{id}",
  "POST /api/invitations/preview",
  "POST /api/invitations/accept",
  "POST /api/sso/link",
]);

/** Writes a viewer (and a coach the job search is shared with) may make: a comment on an opportunity (issue #16). */
const VIEWER_WRITES = new Set(["POST /api/opportunities/{id}/comments"]);

/** What a path id names, from the route's path (`/api/contacts/{id}` → contact). */
const KINDS = [
  "contact",
  "company",
  "interaction",
  "followUp",
  "token",
  "webhook",
  "import",
  "merge",
  "user",
  "account",
  "session",
  "invitation",
  "article",
  "calendar",
  "template",
  "restore",
  "campaign",
  "suggestion",
  "opportunity",
  "interview",
  "question",
  "expense",
  "relationship",
  "ask",
] as const;
type Kind = (typeof KINDS)[number];
type Ids = Record<Kind, string>;

function kindOfPathId(path: string, param: string): Kind {
  if (param === "userId") return "user";
  if (param === "contactId") return "contact";
  if (param === "interviewId") return "interview";
  const table: [RegExp, Kind][] = [
    [/^\/api\/contacts\//, "contact"],
    [/^\/api\/companies\//, "company"],
    [/^\/api\/interactions\//, "interaction"],
    [/^\/api\/follow-ups\//, "followUp"],
    [/^\/api\/tokens\//, "token"],
    [/^\/api\/notify\/webhooks\//, "webhook"],
    [/^\/api\/imports\//, "import"],
    [/^\/api\/merges\//, "merge"],
    [/^\/api\/sessions\//, "session"],
    [/^\/api\/account\/invitations\//, "invitation"],
    [/^\/api\/articles\//, "article"],
    [/^\/api\/calendars\//, "calendar"],
    [/^\/api\/templates\//, "template"],
    [/^\/api\/backup\/restore\//, "restore"],
    [/^\/api\/campaigns\//, "campaign"],
    [/^\/api\/mailbox\/suggestions\//, "suggestion"],
    [/^\/api\/opportunities\//, "opportunity"],
    [/^\/api\/interview-questions\//, "question"],
    [/^\/api\/job-expenses\//, "expense"],
    [/^\/api\/relationships\//, "relationship"],
    [/^\/api\/asks\//, "ask"],
  ];
  const found = table.find(([re]) => re.test(path));
  if (!found) throw new Error(`the matrix does not know what {${param}} names in ${path}: add it to kindOfPathId`);
  return found[1];
}

/** The URL with each path parameter set to the id its kind takes from `ids` (or `fixed` for every one). */
function urlOf(op: Op, ids: Ids | null, fixed?: string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, param: string) =>
    encodeURIComponent(fixed ?? (ids as Ids)[kindOfPathId(op.path, param)]),
  );
}

/** Ways to spell a route that reach it only if routing is done on the raw path. */
const PATH_TRICKS: ((url: string) => string)[] = [
  (u) => u.replace("/api/", "/api/./"),
  (u) => u.replace("/api/", "/api/x/../"),
  (u) => u.replace("/api/", "/api/%2e/"),
  (u) => u.replace("/api/", "/api//"),
  (u) => `${u}/.`,
  (u) => u.replace("/api/", "/api/%2E%2E/api/"),
  (u) => u.replace("/api/", "/api/%2F"),
  (u) => u.replace("/api/", "/api\\"),
];

type Caller = { name: string; headers: Record<string, string>; role: "owner" | "editor" | "viewer" | "coach" };

/** The operations a coach may reach (issue #16); every other one answers a coach 403, whatever it is given. */
const COACH_OPEN = new Set(COACH_ROUTES.map(([method, url]) => `${method} ${url.replace(/:(\w+)/g, "{$1}")}`));

describe.each(DIALECTS)("authorization matrix on %s", (dialect) => {
  let s: TestServer;
  let aCallers: Caller[];
  let bOwner: Caller;
  let aIds: Ids;
  let bIds: Ids;
  let bAccountId: string;
  let cases = 0;

  const send = (caller: Caller | null, method: string, url: string, payload?: unknown) =>
    s.app.inject({
      method: method.toUpperCase() as "GET",
      url,
      headers: { origin: TEST_ORIGIN, ...(caller?.headers ?? {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  async function seed(caller: Caller, label: string, userId: string): Promise<Ids> {
    const json = async (res: Promise<LightMyRequestResponse>) => {
      const r = await res;
      if (r.statusCode >= 300) throw new Error(`seeding ${label}: ${r.statusCode} ${r.body}`);
      return r.json() as { id: string; token?: string; job?: { id: string } };
    };
    const company = await json(send(caller, "post", "/api/companies", { name: `${label} Corp` }));
    const contact = await json(
      send(caller, "post", "/api/contacts", {
        firstName: label,
        lastName: "Person",
        companyId: company.id,
        emails: [{ address: `${label.toLowerCase()}@example.com` }],
      }),
    );
    const other = await json(send(caller, "post", "/api/contacts", { firstName: `${label} Twin` }));
    const interaction = await json(
      send(caller, "post", "/api/interactions", {
        contactIds: [contact.id],
        kind: "call",
        direction: "mutual",
        occurredAt: "2026-10-20T10:00:00.000Z",
        summary: `${label} call`,
      }),
    );
    const followUp = await json(
      send(caller, "post", "/api/follow-ups", { contactId: contact.id, dueOn: "2026-11-20", title: `${label} ask` }),
    );
    const token = await json(send(caller, "post", "/api/tokens", { name: `${label} token` }));
    const webhook = await json(send(caller, "post", "/api/notify/webhooks", { url: "http://127.0.0.1:9/hook" }));
    const imported = await send(caller, "post", "/api/imports", {
      content: `First Name,Last Name,Email\n${label},Imported,${label.toLowerCase()}.imp@example.com\n`,
      format: "csv",
    });
    if (imported.statusCode >= 300) throw new Error(`seeding ${label}: import ${imported.statusCode} ${imported.body}`);
    const importBody = imported.json() as { id?: string; job?: { id: string } };
    const merge = await json(send(caller, "post", "/api/merges", { keepId: contact.id, mergeId: other.id }));
    // An address literal: saved without a lookup, and never fetched (the test server runs only the import job).
    const article = await json(send(caller, "post", "/api/articles", { url: `https://8.8.8.8/${label}` }));
    // The same for a calendar subscription (the test server does not run the calendars job).
    const calendar = await json(send(caller, "post", "/api/calendars", { url: `https://8.8.8.8/${label}.ics` }));
    const template = await json(
      send(caller, "post", "/api/templates", {
        name: `${label} template`,
        body: `Hi {{ contact.firstName }}, ${label}`,
      }),
    );
    const account = ((await json(send(caller, "get", "/api/account"))) as { id: string }).id;
    // A restore as it is while its upload arrives (the seeded account is not empty, so none could run).
    const restore = s.deps.ids.newId();
    await s.deps.store.restoreJobs.insertJob(account, {
      id: restore,
      createdBy: userId,
      createdAt: "2026-11-02T14:00:00.000Z",
    });
    const campaign = await json(
      send(caller, "post", "/api/campaigns", { occasion: { kind: "thanksgiving" }, segment: {}, mode: "self" }),
    );
    // A mailbox suggestion as a sync leaves it (no mail server here): a stranger's two messages.
    const suggestion = `${label.toLowerCase()}.stranger@example.com`;
    for (const messageId of [`${label}-1@mail.test`, `${label}-2@mail.test`]) {
      await s.deps.store.mailbox.addCorrespondentMessage(account, userId, {
        ...{ address: suggestion, messageId, name: `${label} Stranger`, direction: "inbound" },
        ...{ subject: `${label} hello`, occurredAt: "2026-10-20T09:00:00.000Z" },
      });
    }
    const opportunity = await json(
      send(caller, "post", "/api/opportunities", { title: `${label} job`, companyId: company.id }),
    );
    await json(
      send(caller, "post", `/api/opportunities/${opportunity.id}/contacts`, {
        contactId: contact.id,
        role: "recruiter",
      }),
    );
    const interview = await json(
      send(caller, "post", `/api/opportunities/${opportunity.id}/interviews`, {
        startsAt: "2026-11-20T10:00:00Z",
        kind: "video",
        contactIds: [contact.id],
      }),
    );
    const question = await json(send(caller, "post", "/api/interview-questions", { question: `${label} question?` }));
    const expense = await json(
      send(caller, "post", "/api/job-expenses", {
        spentOn: "2026-11-01",
        amountMinor: 100,
        currency: "EUR",
        category: `${label} travel`,
      }),
    );
    const friend = await json(send(caller, "post", "/api/contacts", { firstName: `${label} Friend` }));
    const relationship = await json(
      send(caller, "post", "/api/relationships", { fromContactId: contact.id, toContactId: friend.id, kind: "friend" }),
    );
    const ask = await json(
      send(caller, "post", "/api/asks", { contactId: friend.id, about: { kind: "company", companyId: company.id } }),
    );
    return {
      opportunity: opportunity.id,
      interview: interview.id,
      question: question.id,
      expense: expense.id,
      article: article.id,
      calendar: calendar.id,
      template: template.id,
      restore,
      contact: contact.id,
      company: company.id,
      interaction: interaction.id,
      followUp: followUp.id,
      token: token.id,
      webhook: webhook.id,
      import: importBody.job?.id ?? (importBody.id as string),
      merge: (merge as { id?: string; mergeId?: string }).mergeId ?? merge.id,
      campaign: campaign.id,
      suggestion,
      relationship: relationship.id,
      ask: ask.id,
      user: userId,
      account: ((await json(send(caller, "get", "/api/account"))) as { id: string }).id,
      session: ((await json(send(caller, "get", "/api/sessions"))) as unknown as { items: { id: string }[] }).items[0]
        ?.id as string,
      invitation: (
        (await json(
          send(caller, "post", "/api/account/invitations", { email: `${label}.invitee@example.com`, role: "viewer" }),
        )) as unknown as { invitation: { id: string } }
      ).invitation.id,
    };
  }

  beforeAll(async () => {
    s = await openTestServer(dialect, { KITH_WEBHOOK_ALLOW_PRIVATE: "true" });
    const a = await signUp(s, "Alice Owner", "alice.owner@example.com");
    const b = await signUp(s, `${MARKER} Owner`, "zeb.owner@example.com");
    const aAccount = (await a.call("GET", "/api/account")).json() as { id: string };
    bAccountId = ((await b.call("GET", "/api/account")).json() as { id: string }).id;
    const member = async (name: string, email: string, role: "editor" | "viewer") => {
      const m = await signUp(s, name, email);
      await s.deps.store.memberships.insert({
        accountId: aAccount.id,
        userId: m.userId,
        role,
        createdAt: "2026-11-02T14:00:00.000Z",
      });
      return { cookie: m.cookie, userId: m.userId };
    };
    const editor = await member("Eddie Editor", "eddie@example.com", "editor");
    const viewer = await member("Vera Viewer", "vera@example.com", "viewer");
    const session = (name: string, cookie: string, role: Caller["role"]): Caller => ({
      name,
      role,
      headers: { cookie, "x-kith-account": aAccount.id },
    });
    const ownerA = session("A owner (session)", a.cookie, "owner");
    bOwner = { name: "B owner", role: "owner", headers: { cookie: b.cookie } };
    aIds = await seed(ownerA, "Alice", a.userId);
    bIds = await seed(bOwner, MARKER, b.userId);
    const tokenFor = async (caller: Caller, name: string): Promise<string> =>
      ((await send(caller, "post", "/api/tokens", { name })).json() as { token: string }).token;
    const viewerSession = session("A viewer (session)", viewer.cookie, "viewer");
    // A coach of A with the contacts tagged "coached" (none of the seeded ones) and the job search shared.
    const coach = await member("Cody Coach", "cody@example.com", "viewer");
    await s.deps.store.shares.putScope(aAccount.id, coach.userId, { tags: ["coached"], jobSearch: true }, "2026-11-02");
    await s.deps.store.memberships.updateRole(aAccount.id, coach.userId, "coach");
    const coachToken = (
      await createApiToken(s.deps, await resolveActor(s.deps, coach.userId, aAccount.id), { name: "matrix" })
    ).token;
    aCallers = [
      ownerA,
      session("A editor (session)", editor.cookie, "editor"),
      viewerSession,
      {
        name: "A owner (token)",
        role: "owner",
        headers: { authorization: `Bearer ${await tokenFor(ownerA, "matrix")}` },
      },
      {
        name: "A viewer (token)",
        role: "viewer",
        headers: { authorization: `Bearer ${await tokenFor(viewerSession, "matrix")}` },
      },
      session("A coach (session)", coach.cookie, "coach"),
      { name: "A coach (token)", role: "coach", headers: { authorization: `Bearer ${coachToken}` } },
    ];
  }, 120_000);

  afterAll(async () => {
    await s?.dispose();
  });

  /**
   * A request over a real socket with the path exactly as written: `app.inject` (like a browser) resolves dot
   * segments before the app sees them, which an attacker's client does not.
   */
  async function raw(caller: Caller, method: string, path: string, payload?: unknown) {
    if (!s.app.server.listening) await s.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = s.app.server.address() as AddressInfo;
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    return new Promise<LightMyRequestResponse>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: method.toUpperCase(),
          headers: {
            origin: TEST_ORIGIN,
            ...caller.headers,
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              statusCode: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
            } as LightMyRequestResponse),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  const backupOfB = async () => {
    const res = await send(bOwner, "get", "/api/backup");
    expect(res.statusCode).toBe(200);
    const { exportedAt: _, ...rest } = res.json() as Record<string, unknown>;
    return rest;
  };

  it("covers every operation of the API with at least 10,000 cases on both engines", { timeout: 600_000 }, async () => {
    const before = await backupOfB();
    const failures: string[] = [];
    const check = (what: string, res: LightMyRequestResponse, ok: (status: number) => boolean) => {
      cases += 1;
      if (res.statusCode >= 500) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (!ok(res.statusCode)) failures.push(`${what}: unexpected ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (res.body.includes(MARKER)) failures.push(`${what}: the answer shows account B's data`);
    };
    const denied = (status: number) => status >= 400 && status < 500;

    for (const op of OPS) {
      const bodyFor = (id: string) => (op.body ? sample(op.body, id) : undefined);
      // Anonymous: nothing but signing up and in.
      if (!PUBLIC.has(op.key)) {
        check(
          `anonymous ${op.key}`,
          await send(null, op.method, urlOf(op, aIds), bodyFor(aIds.contact)),
          (st) => st === 401,
        );
      }
      // Path tricks reach no route, whoever asks.
      const anonymous: Caller = { name: "anonymous", role: "viewer", headers: {} };
      for (const [i, trick] of PATH_TRICKS.entries()) {
        check(
          `anonymous ${op.key} spelled with trick ${i}`,
          await raw(anonymous, op.method, trick(urlOf(op, aIds)), bodyFor(aIds.contact)),
          (st) => st === 404,
        );
      }
      if (PUBLIC.has(op.key)) continue;
      for (const caller of aCallers) {
        // Every kind of B's objects, and an id that exists nowhere, in the path and the body's id fields.
        if (op.params.length > 0 || op.bodyHasIds) {
          for (const kind of KINDS) {
            const id = bIds[kind];
            const res = await send(caller, op.method, urlOf(op, null, id), bodyFor(id));
            check(`${caller.name} ${op.key} with B's ${kind}`, res, denied);
          }
          const nowhere = "nowhere-0000";
          check(
            `${caller.name} ${op.key} with an id that exists nowhere`,
            await send(caller, op.method, urlOf(op, null, nowhere), bodyFor(nowhere)),
            denied,
          );
        }
        // A's own objects: a coach reaches only the operations open to coaches (they answer only what is shared:
        // `isolation-coach.test.ts`), every other one is a 403.
        if (caller.role === "coach" && !COACH_OPEN.has(op.key)) {
          check(
            `${caller.name} ${op.key} on A's own objects`,
            await send(caller, op.method, urlOf(op, aIds), bodyFor(aIds.contact)),
            (st) => st === 403,
          );
        }
        // A's own objects: viewers never write.
        if (caller.role === "viewer" && WRITE.has(op.method) && !VIEWER_WRITES.has(op.key)) {
          const selfService = SELF_SERVICE.has(op.key);
          check(
            `${caller.name} ${op.key} on A's own objects`,
            await send(caller, op.method, urlOf(op, aIds), bodyFor(aIds.contact)),
            // Self-service writes on the caller's own things pass; on another member's (a path id) they are denied.
            selfService ? (st) => op.params.length === 0 || denied(st) : (st) => st === 403,
          );
        }
        for (const [i, trick] of PATH_TRICKS.entries()) {
          check(
            `${caller.name} ${op.key} spelled with trick ${i}`,
            await raw(caller, op.method, trick(urlOf(op, aIds)), bodyFor(aIds.contact)),
            (st) => st === 404,
          );
        }
      }
      // Each caller of A naming B's account.
      for (const caller of aCallers) {
        check(
          `${caller.name} with X-Kith-Account of B ${op.key}`,
          await send(
            { ...caller, headers: { ...caller.headers, "x-kith-account": bAccountId } },
            op.method,
            urlOf(op, bIds),
            bodyFor(bIds.contact),
          ),
          denied,
        );
      }
    }

    expect(failures).toEqual([]);
    expect(await backupOfB()).toEqual(before);
    expect(cases).toBeGreaterThanOrEqual(5_000);
  });
});
