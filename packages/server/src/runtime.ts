import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Clock, Deps, IdSource, Secrets } from "@kith/core";
import { createStore, migrate, type OpenDatabase, openDatabase } from "@kith/store";
import type { Config } from "./config.ts";

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource = { newId: () => randomUUID() };
export const randomSecrets: Secrets = {
  newToken: (prefix) => `${prefix}${randomBytes(24).toString("base64url")}`,
  hash: (token) => createHash("sha256").update(token).digest("hex"),
};

/** Opens the configured database, applies migrations, and wires the services' dependencies. */
export async function openRuntime(
  config: Config,
  overrides: Partial<Pick<Deps, "clock" | "ids" | "secrets">> = {},
): Promise<{ open: OpenDatabase; deps: Deps }> {
  const open = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await migrate(open);
  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock: overrides.clock ?? systemClock,
    ids: overrides.ids ?? randomIds,
    secrets: overrides.secrets ?? randomSecrets,
  };
  return { open, deps };
}
