import { type Deps, signUp } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore } from "@kith/store";
import { DIALECTS, openTestDatabase, type TestDatabase } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { openAuth } from "./create-auth.ts";
import { betterAuthRegistrar } from "./registrar.ts";

const env = {
  KITH_DATA_DIR: "/nonexistent-kith-test",
  KITH_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  KITH_PUBLIC_URL: "http://kith.test",
  LOG_LEVEL: "silent",
};

describe.each(DIALECTS)("the sign-up service over better-auth (no HTTP) on %s", (dialect) => {
  let db: TestDatabase;
  let deps: Deps;
  beforeEach(async () => {
    db = await openTestDatabase(dialect);
    deps = {
      store: createStore(db.db, db.dialect),
      clock: new FakeClock("2026-11-02T09:00:00.000Z"),
      ids: new SequentialIds(),
      secrets: new PlainSecrets(),
    };
  });
  afterEach(async () => {
    await db.dispose();
  });

  const registrar = (overrides: Record<string, string> = {}) =>
    betterAuthRegistrar(openAuth(loadConfig({ ...env, ...overrides }), db, deps));
  const ada = { name: " Ada ", email: "ada@example.com", password: "correct horse battery" };

  it("creates the user and the account they own, in the time zone given; the password signs in", async () => {
    const { user, actor } = await signUp(deps, registrar(), { ...ada, timeZone: "Europe/London" });
    expect(user).toMatchObject({ email: "ada@example.com", name: "Ada" });
    expect(actor).toMatchObject({ userId: user.id, role: "owner" });
    expect(await deps.store.accounts.findById(actor.accountId)).toMatchObject({
      name: "Ada's network",
      timeZone: "Europe/London",
    });
    const auth = openAuth(loadConfig(env), db, deps);
    const signedIn = await auth.api.signInEmail({ body: { email: ada.email, password: ada.password } });
    expect(signedIn.user.id).toBe(user.id);
  });

  it("names a bad field before reaching better-auth, and refuses a second sign-up with the same address", async () => {
    await expect(signUp(deps, registrar(), { ...ada, password: "short" })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "password" }],
    });
    await expect(signUp(deps, registrar(), { ...ada, extra: 1 })).rejects.toMatchObject({ code: "validation" });
    expect(await deps.store.users.count()).toBe(0);
    await signUp(deps, registrar(), ada);
    await expect(signUp(deps, registrar(), ada)).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets the first user in when sign-up is closed, and nobody after", async () => {
    await signUp(deps, registrar({ KITH_ALLOW_SIGNUP: "false" }), ada);
    await expect(
      signUp(deps, registrar({ KITH_ALLOW_SIGNUP: "false" }), { ...ada, email: "bob@example.com" }),
    ).rejects.toMatchObject({
      code: "forbidden",
      message: "sign-up is closed on this server; ask its owner for an invite",
    });
    expect(await deps.store.users.count()).toBe(1);
  });
});
