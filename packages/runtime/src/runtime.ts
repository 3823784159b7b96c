import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { type Clock, type Deps, type IdSource, type Secrets, sealStoredCalendarAddresses } from "@kith/core";
import { createStore, migrate, type OpenDatabase, openDatabase } from "@kith/store";
import type { Config } from "./config.ts";
import { uuidV7 } from "./ids/uuid-v7.ts";
import { sealedSecrets, sealingKey } from "./secrets/sealed-secrets.ts";

export const systemClock: Clock = { now: () => new Date() };

/**
 * Test-only: "now" is the instant written in `file` while it exists, the real time otherwise. Browser journeys
 * use it to let days pass on a running server (the only thing tests may fake is the clock).
 */
export function fileClock(file: string): Clock {
  // A file being rewritten can be read empty; keep the last instant read rather than jump to the real time.
  let last: Date | null = null;
  const read = (): Date | null => {
    if (!existsSync(file)) return null;
    try {
      const at = new Date(readFileSync(file, "utf8").trim());
      return Number.isNaN(at.getTime()) ? last : at;
    } catch {
      return last; // removed between the check and the read
    }
  };
  return {
    now: () => {
      last = read();
      return last ? new Date(last.getTime()) : new Date();
    },
  };
}
/** New rows' ids: time-ordered UUIDs (v7), so indexes take new rows at their end (see ids/uuid-v7.ts). */
export const randomIds: IdSource = { newId: () => uuidV7() };
export const randomSecrets: Secrets = {
  newToken: (prefix) => `${prefix}${randomBytes(24).toString("base64url")}`,
  hash: (token) => createHash("sha256").update(token).digest("hex"),
};

/**
 * Opens the configured database, applies migrations (and seals what a migration could not: calendar addresses
 * still in clear), and wires the services' dependencies.
 */
export async function openRuntime(
  config: Config,
  overrides: Partial<Pick<Deps, "clock" | "ids" | "secrets">> = {},
): Promise<{ open: OpenDatabase; deps: Deps }> {
  const open = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    synchronous: config.sqliteSynchronous,
  });
  await migrate(open);
  const store = createStore(open.db, open.dialect);
  // Subscription addresses from before they were sealed (migration 0033 cannot: the key is the server's).
  await sealStoredCalendarAddresses({ store, sealer: sealedSecrets(sealingKey(config.secretKey, config.authSecret)) });
  const deps: Deps = {
    store,
    clock: overrides.clock ?? (config.clockFile ? fileClock(config.clockFile) : systemClock),
    ids: overrides.ids ?? randomIds,
    secrets: overrides.secrets ?? randomSecrets,
  };
  return { open, deps };
}
