import type { Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { type Config, loadConfig } from "@kith/runtime";
import { createStore, type Dialect } from "@kith/store";
import { openTestDatabase, type TestDatabase, useEach } from "@kith/store/testing";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp, type RouteSummary } from "../app.ts";

export const TEST_ORIGIN = "http://kith.test";

export interface TestServer {
  app: FastifyInstance;
  routes: RouteSummary[];
  config: Config;
  db: TestDatabase;
  deps: Deps;
  clock: FakeClock;
  dispose(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    KITH_DATA_DIR: "/nonexistent-kith-test",
    KITH_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    KITH_PUBLIC_URL: TEST_ORIGIN,
    LOG_LEVEL: "silent",
    // Open sign-up without SMTP (closed by default): the tests sign up several people on one server.
    KITH_ALLOW_SIGNUP: "true",
    ...overrides,
  });
}

/** The whole HTTP app on a fresh database, exercised with `app.inject` (no port). */
export async function openTestServer(dialect: Dialect, env: Record<string, string> = {}): Promise<TestServer> {
  const db = await openTestDatabase(dialect);
  const clock = new FakeClock("2026-11-02T14:00:00.000Z");
  const deps: Deps = {
    store: createStore(db.db, db.dialect),
    clock,
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  const config = testConfig(env);
  // The import and restore jobs run as on a server; the delivery jobs do not: tests drive their ticks themselves.
  const { app, routes, jobs } = await buildApp({ config, open: db, deps, jobs: ["imports", "restores"] });
  await app.ready();
  jobs.start();
  return {
    app,
    routes,
    config,
    db,
    deps,
    clock,
    dispose: async () => {
      await app.close();
      await db.dispose();
    },
  };
}

export interface TestServerOptions {
  /** More configuration; a function is read when each test's server opens (e.g. a sink's port, known only then). */
  env?: Record<string, string> | (() => Record<string, string>);
}

/**
 * The whole HTTP app on a fresh database (see `openTestServer`) for each test of the enclosing `describe`, closed
 * after it. Call it in the `describe` body after the hooks of anything its env names (an SMTP sink, a mailbox), so
 * those open first and close last; the object it returns reads the current test's server (`s.app`, `s.clock`).
 */
export function useTestServer(dialect: Dialect, options: TestServerOptions = {}): Omit<TestServer, "dispose"> {
  return useEach(
    () => openTestServer(dialect, typeof options.env === "function" ? options.env() : options.env),
    (server) => server.dispose(),
  );
}

export type Call = (
  method: InjectOptions["method"],
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/** A signed-in browser: the session cookie and our own Origin on every request. */
export async function signUp(
  server: Pick<TestServer, "app">,
  name: string,
  email: string,
  password = "correct horse battery",
) {
  const res = await server.app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    headers: { origin: TEST_ORIGIN },
    payload: { name, email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  let cookies = res.cookies;
  if (!cookies.some((c) => c.name.endsWith("session_token"))) {
    // With SMTP, a sign-up after the first comes back without a session (the mailed link signs in); the password
    // signs in as well.
    const signedIn = await server.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN },
      payload: { email, password },
    });
    if (signedIn.statusCode !== 200) throw new Error(`sign-in failed: ${signedIn.statusCode} ${signedIn.body}`);
    cookies = signedIn.cookies;
  }
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const call: Call = (method, url, payload, headers = {}) =>
    server.app.inject({
      method,
      url,
      headers: { cookie, origin: TEST_ORIGIN, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return { call, cookie, userId: (res.json() as { user: { id: string } }).user.id };
}

/**
 * Makes a signed-up user a member of the owner's account with a role, as people do it: the owner invites the
 * address, the user accepts the link's token while signed in. Answers the acceptance (the new membership).
 */
export async function addMember(owner: Call, member: Call, email: string, role: "owner" | "editor" | "viewer") {
  const invited = await owner("POST", "/api/account/invitations", { email, role });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.statusCode} ${invited.body}`);
  const token = new URL((invited.json() as { link: string }).link).hash.slice(1);
  const accepted = await member("POST", "/api/invitations/accept", { token });
  if (accepted.statusCode !== 200) throw new Error(`acceptance failed: ${accepted.statusCode} ${accepted.body}`);
  return accepted;
}
