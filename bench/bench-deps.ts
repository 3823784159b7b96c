import type { Deps } from "@kith/core";
import { randomIds, randomSecrets } from "@kith/server";
import { createStore, type OpenDatabase } from "@kith/store";

/**
 * The services' dependencies as every bench builds them: the store over `db` (the database's own, or a wrapped one
 * that logs its queries), real ids and secrets, and a clock fixed at `now` — or the real one when no instant is given.
 */
export function benchDeps(open: OpenDatabase, now?: string, db: OpenDatabase["db"] = open.db): Deps {
  return {
    store: createStore(db, open.dialect),
    clock: { now: () => (now === undefined ? new Date() : new Date(now)) },
    ids: randomIds,
    secrets: randomSecrets,
  };
}
