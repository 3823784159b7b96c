import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The config is loaded by the runner and by each worker: pick the port and data folder once, pass them on by env.
if (!process.env.KITH_E2E_PORT) {
  const script =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  process.env.KITH_E2E_PORT = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
  process.env.KITH_E2E_DATA = mkdtempSync(path.join(tmpdir(), "kith-e2e-"));
}
const port = process.env.KITH_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    // The journeys' screenshots (e2e/helpers.ts capture) go back to this size after each phone one.
    viewport: { width: 1280, height: 860 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The same bundle `npm start` runs.
    command: "npm run build:server && node --enable-source-maps dist/server.mjs",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: port!,
      HOST: "127.0.0.1",
      KITH_DATA_DIR: process.env.KITH_E2E_DATA!,
      KITH_PUBLIC_URL: baseURL,
      // The journeys let days pass by writing an instant here (see e2e/helpers.ts setServerNow).
      KITH_CLOCK_FILE: path.join(process.env.KITH_E2E_DATA!, "clock"),
      // Test-only: the article fetcher may reach the journeys' own article server on 127.0.0.1 (e2e/articles.spec.ts).
      KITH_TEST_ALLOW_LOOPBACK_FETCH: "1",
      // Test-only: every journey signs up its own person, and this server sends no mail (closed by default).
      KITH_ALLOW_SIGNUP: "true",
      LOG_LEVEL: "warn",
    },
  },
});
