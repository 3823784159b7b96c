import { listContacts } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import { benchDeps } from "./bench-deps.ts";

/**
 * `BENCH_DATA_DIR=… node --import tsx bench/list-page-cpu.ts`: GET /api/contacts's service alone (`listContacts`,
 * as the route calls it: a search's count, its page's ids, the page's rows made into the answer's items), CPU time
 * per call, in rounds. Run from two checkouts to compare (the search's page was whole contacts before its items
 * became summaries). BENCH_Q is the search (default 'ros ca', P5's; BENCH_Q= for the plain list), BENCH_TIMES calls
 * a round (default 1000), BENCH_ROUNDS rounds (default 3).
 */
const dir = process.env.BENCH_DATA_DIR;
if (!dir) throw new Error("BENCH_DATA_DIR: the folder of a generated account");
const q = process.env.BENCH_Q ?? "ros ca";
const times = Number(process.env.BENCH_TIMES ?? 1000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const open = openDatabase({ dataDir: dir });
await migrate(open);
const deps = benchDeps(open, "2026-11-24T14:00:00.000Z");
const member = (await deps.store.memberships.listForUser("bench-user"))[0];
if (!member) throw new Error(`${dir} holds no bench account`);
const actor = { userId: "bench-user", accountId: member.accountId, role: "owner" as const };
const query = q ? { q } : {};
const first = await listContacts(deps, actor, query, {});
console.log(`'${q}': ${first.items.length} items of ${first.total}, ${times} calls a round`);
for (let round = 1; round <= rounds; round++) {
  for (let i = 0; i < 100; i++) await listContacts(deps, actor, query, {});
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) await listContacts(deps, actor, query, {});
  const used = process.cpuUsage(start);
  console.log(`round ${round}: ${((used.user + used.system) / 1000 / times).toFixed(3)} ms CPU per call`);
}
await open.close();
