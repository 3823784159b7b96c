import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestOidcProvider } from "../packages/runtime/src/testing/oidc-provider-server.ts";
import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

/**
 * Single sign-on needs a Kith told its provider's issuer at start, so this journey starts its own: the same bundle
 * the shared server runs (dist/server.mjs, built by the Playwright web server's command), on a free loopback port,
 * with a real OpenID provider (oidc-provider) started here on another. The other journeys' server is not touched.
 */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

const CLIENT = { clientId: "kith-journey", clientSecret: "journey-client-secret-0123456789" };
const ADA = {
  sub: "ada-1815",
  email: "ada.lovelace@example.com",
  emailVerified: true,
  name: "Ada Lovelace",
  password: "analytical engine",
};

let provider: TestOidcProvider;
let kith: ChildProcess;
let kithUrl = "";
let dataDir = "";

test.beforeAll(async () => {
  const port = await freePort();
  kithUrl = `http://127.0.0.1:${port}`;
  provider = await new TestOidcProvider({
    users: [ADA],
    clients: [{ ...CLIENT, redirectUris: [`${kithUrl}/api/auth/callback/oidc`] }],
  }).start();
  dataDir = mkdtempSync(path.join(tmpdir(), "kith-e2e-sso-"));
  kith = spawn(process.execPath, ["--enable-source-maps", "dist/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      KITH_DATA_DIR: dataDir,
      KITH_PUBLIC_URL: kithUrl,
      // Closed sign-up (the default without SMTP): the first person, through the provider, becomes the owner.
      KITH_ALLOW_SIGNUP: "false",
      KITH_OIDC_ISSUER: provider.issuer,
      KITH_OIDC_CLIENT_ID: CLIENT.clientId,
      KITH_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
      KITH_OIDC_NAME: "Test provider",
      KITH_SCHEDULER: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let tries = 0; ; tries += 1) {
    const up = await fetch(`${kithUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 100 || kith.exitCode !== null) throw new Error("the journey's Kith server did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test.afterAll(async () => {
  if (kith && kith.exitCode === null) {
    const exited = new Promise((resolve) => kith.once("exit", resolve));
    kith.kill("SIGTERM");
    await exited;
  }
  await provider?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("single sign-on: sign-in page → the provider's sign-in → back in Kith, signed in; a cancelled one comes back in words; Settings offers a first password", async ({
  page,
}) => {
  await page.goto(`${kithUrl}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  const sso = page.getByRole("button", { name: "Sign in with Test provider" });
  await expect(sso).toBeVisible();
  await capture(page, "sso-sign-in");

  // At the provider: cancelling comes back to Kith's sign-in page, which says what happened.
  await sso.click();
  await expect(page.getByRole("heading", { name: "Test provider" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(provider.issuer);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=access_denied/);
  await expect(page.getByRole("alert")).toHaveText(/Test provider did not let Kith know who you are/);
  await capture(page, "sso-sign-in-cancelled");

  // Signing in there: Ada is new to Kith, so she starts on the first-run page, as after a password sign-up.
  await page.getByRole("button", { name: "Sign in with Test provider" }).click();
  await page.getByLabel("Username or email").fill(ADA.email);
  await page.getByLabel("Password").fill(ADA.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Kith" })).toBeVisible();
  expect(provider.signIns).toEqual([ADA.email]);
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  const me = await (await page.request.get(`${kithUrl}/api/auth/me`)).json();
  expect(me).toMatchObject({ user: { email: ADA.email, name: ADA.name }, role: "owner" });

  // Signed out and back: the provider still knows her, so the button brings her straight back to Today.
  await page.goto(`${kithUrl}/settings`);
  const signInPart = page.getByRole("region", { name: "Sign-in and sessions" });
  await expect(signInPart.getByText("Test provider signs you in to this account.")).toBeVisible();
  // She has no password: Settings says how she signs in instead of forms that would fail, and offers a first one.
  await expect(signInPart.getByText(/You sign in through Test provider: you have no password here/)).toBeVisible();
  await expect(signInPart.getByLabel("Current password")).toHaveCount(0);
  await expect(signInPart.getByLabel("Password, to confirm")).toHaveCount(0);
  await signInPart.screenshot({ path: "e2e/screenshots/sso-settings-section.png" });
  await signInPart.getByLabel("New password").fill("a first long passphrase");
  await signInPart.getByRole("button", { name: "Set a password" }).click();
  await expect(signInPart.getByLabel("Current password")).toBeVisible();
  await signInPart.screenshot({ path: "e2e/screenshots/sso-settings-password-set.png" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("button", { name: "Sign in with Test provider" }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  expect(provider.signIns).toEqual([ADA.email]);
});
