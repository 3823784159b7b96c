import { type Deps, listContacts } from "@kith/core";
import { randomIds, randomSecrets } from "@kith/server";
import { createStore, migrate, openDatabase } from "@kith/store";
import { ms, sample } from "./measure.ts";

/**
 * One search repeated on a kept bench account, for a CPU profile: `BENCH_DATA_DIR=<dir with kith.db> node
 * --cpu-prof --cpu-prof-dir=<out> --import tsx bench/profile-search.ts`, then `node --import tsx
 * bench/profile-top.ts <out>/*.cpuprofile`. BENCH_Q is the search (default 'r'), BENCH_TIMES how often (500).
 */
const dir = process.env.BENCH_DATA_DIR;
if (!dir) throw new Error("BENCH_DATA_DIR: the folder of a generated account (npm run bench:growth keeps them)");
const q = process.env.BENCH_Q ?? "r";
const times = Number(process.env.BENCH_TIMES ?? 500);
const open = openDatabase({ dataDir: dir });
await migrate(open);
const deps: Deps = {
  store: createStore(open.db, open.dialect),
  clock: { now: () => new Date("2026-11-24T14:00:00.000Z") },
  ids: randomIds,
  secrets: randomSecrets,
};
const member = (await deps.store.memberships.listForUser("bench-user"))[0];
if (!member) throw new Error(`${dir} holds no bench account`);
const actor = { userId: "bench-user", accountId: member.accountId, role: "owner" as const };
const first = await listContacts(deps, actor, { q }, {});
const stats = await sample(times, () => listContacts(deps, actor, { q }, {}));
console.log(`'${q}': ${first.total} matches; p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)} over ${times}`);
await open.close();
