import { type Actor, createApiToken, type Deps } from "@kith/core";
import { buildApp, loadConfig, randomIds, randomSecrets } from "@kith/server";
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

/**
 * The real app in this process on a free loopback port, on the bench's database, with an API token of `actor`'s:
 * its address, the token and its headers, and a way to close it.
 */
export async function serveInProcess(dir: string, open: OpenDatabase, deps: Deps, actor: Actor, tokenName: string) {
  const config = loadConfig({
    KITH_DATA_DIR: dir,
    LOG_LEVEL: "silent",
    PORT: "0",
    KITH_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
  });
  const { app } = await buildApp({ config, open, deps });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const { token } = await createApiToken(deps, actor, { name: tokenName });
  return { address, token, headers: { authorization: `Bearer ${token}` }, close: () => app.close() };
}
