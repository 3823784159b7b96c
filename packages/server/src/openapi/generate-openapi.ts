import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { loadConfig } from "@kith/runtime";
import { createStore, migrate, openDatabase } from "@kith/store";
import { buildApp } from "../app.ts";

/** The OpenAPI document as the routes' own schemas describe it, built on a throwaway in-memory database. */
export async function generateOpenApi(): Promise<string> {
  const open = openDatabase({ dataDir: ":memory:" });
  await migrate(open);
  const deps = {
    store: createStore(open.db, open.dialect),
    clock: new FakeClock("2026-01-01T00:00:00Z"),
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  const config = loadConfig({
    KITH_DATA_DIR: ":memory:",
    KITH_AUTH_SECRET: "openapi-generation-only-not-a-secret-000",
    KITH_PUBLIC_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  const { app } = await buildApp({ config, open, deps });
  await app.ready();
  const document = app.swagger();
  await app.close();
  await open.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
