import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, randomIds, randomSecrets, systemClock } from "@kith/runtime";
import { createStore, type Dialect } from "@kith/store";
import { openTestDatabase, useEach } from "@kith/store/testing";
import { startServer } from "../server/serve-command.ts";
import { runCaptured } from "./cli-harness.ts";

/** Signs up through the API as the web app would, then creates an API token with the session cookie. */
async function signUpAndCreateToken(address: string, origin: string, timeZone: string): Promise<string> {
  const json = { origin, "content-type": "application/json" };
  const body = { name: "Ada", email: "ada@example.com", password: "correct-horse-battery", timeZone };
  const signUp = await fetch(`${address}/api/auth/sign-up/email`, {
    method: "POST",
    headers: json,
    body: JSON.stringify(body),
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await fetch(`${address}/api/tokens`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ name: "cli" }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

export interface CliServerOptions {
  /** More server configuration (e.g. KITH_IMPORT_MAX_BYTES). */
  env?: Record<string, string>;
  /** Ada's time zone at sign-up (default UTC). */
  timeZone?: string;
}

/**
 * A real server on a free port of 127.0.0.1 for each test of the enclosing `describe` (a fresh test database and data
 * directory), with Ada signed up and an API token made for her; `kith` runs the CLI against it with `--url` and
 * `--token`, as a remote user would.
 */
export function useCliServer(dialect: Dialect, options: CliServerOptions = {}) {
  const server = useEach(
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), "kith-cli-http-"));
      const db = await openTestDatabase(dialect);
      const config = loadConfig({
        ...{ KITH_DATA_DIR: dataDir, KITH_AUTH_SECRET: "x".repeat(40), LOG_LEVEL: "silent" },
        ...{ KITH_PUBLIC_URL: "http://kith.test", HOST: "127.0.0.1", PORT: "0", KITH_ALLOW_SIGNUP: "true" },
        ...options.env,
      });
      const deps = {
        store: createStore(db.db, db.dialect),
        clock: systemClock,
        ids: randomIds,
        secrets: randomSecrets,
      };
      // The test's own database, not the configured one a jobs thread would open: imports run on the loop.
      const running = await startServer({ config, open: db, deps, jobsThread: false });
      const token = await signUpAndCreateToken(running.address, config.publicUrl, options.timeZone ?? "UTC");
      const close = async () => {
        await running.app.close();
        await db.dispose();
        await rm(dataDir, { recursive: true, force: true });
      };
      return { address: running.address, token, dataDir, close };
    },
    (opened) => opened.close(),
  );
  const kith = (...argv: string[]) => runCaptured(["--url", server.address, "--token", server.token, ...argv]);
  return { server, kith };
}
