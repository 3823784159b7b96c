import { type Actor, type Deps, getToday, listContacts } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import type { Database } from "@kith/store/schema";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { benchDeps } from "./bench-deps.ts";
import { generate } from "./generate.ts";
import { ms, type Stats, sample } from "./measure.ts";

/**
 * `BENCH_POSTGRES_URL=… npm run bench:accounts`: many people on one PostgreSQL database. BENCH_SIM_ACCOUNTS (100)
 * accounts of BENCH_SIM_CONTACTS (5,000) contacts and BENCH_SIM_INTERACTIONS (20,000) interactions each, in a
 * fresh database `kith_bench_accounts`. The first, middle and last accounts are generated (`generate.ts`, each
 * with its own seed); the others are copies of the first account's companies, contacts, tags and interactions
 * under accounts of their own, made in SQL (generating each takes minutes on a busy 2-core machine; what the
 * measured accounts' queries meet — tables and indexes holding every account's rows — is the same). Measures P1
 * (the today list's database part and service) and P2 (search 'ros cal') for the first account while it is
 * alone, the middle one once the accounts before it are in, then the first, middle and last once all are there.
 * Per-account costs stay flat when these match the first account alone. Prints a markdown table; the numbers go
 * into bench/RESULTS.md by hand.
 */
const ACCOUNTS = Number(process.env.BENCH_SIM_ACCOUNTS ?? 100);
const CONTACTS = Number(process.env.BENCH_SIM_CONTACTS ?? 5000);
const INTERACTIONS = Number(process.env.BENCH_SIM_INTERACTIONS ?? 20_000);
const NOW = "2026-11-24T14:00:00.000Z";
const PG_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const DATABASE = "kith_bench_accounts";

async function freshDatabase(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  return target.toString();
}

interface Figures {
  label: string;
  repo: Stats;
  service: Stats;
  search: Stats;
}

async function measure(deps: Deps, actor: Actor, label: string): Promise<Figures> {
  await getToday(deps, actor); // the day's catch-up, as the first visit of the day does it
  const repo = await sample(200, () => deps.store.dueState.topDue(actor.accountId, 25, 1000));
  const service = await sample(200, () => getToday(deps, actor));
  const search = await sample(200, () => listContacts(deps, actor, { q: "ros cal" }, {}));
  return { label, repo, service, search };
}

/** Tables copied for a filler account, parents first; the columns rewritten are the keys joining them. */
const COPIED = ["company", "contact", "contact_tag", "interaction", "interaction_contact"];
const KEYS = ["id", "contact_id", "interaction_id", "company_id"];

/** Account `n`: the first account's rows under a new account (and new keys), copied in SQL. */
async function copyAccount(db: Kysely<Database>, from: Actor, n: number): Promise<Actor> {
  const accountId = `filler-account-${n}`;
  const prefix = `f${n}-`;
  await db.transaction().execute(async (trx) => {
    await sql`INSERT INTO account (id, name, time_zone, country, settings, created_at)
      SELECT ${accountId}, name, time_zone, country, settings, created_at FROM account WHERE id = ${from.accountId}`.execute(
      trx,
    );
    for (const table of COPIED) {
      const columns = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
        WHERE table_name = ${table} AND table_schema = current_schema() ORDER BY ordinal_position`.execute(trx);
      const names = columns.rows.map((c) => c.column_name);
      const values = names.map((c) =>
        c === "account_id" ? sql`${accountId}` : KEYS.includes(c) ? sql`${prefix} || ${sql.ref(c)}` : sql.ref(c),
      );
      await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((c) => sql.ref(c)))})
        SELECT ${sql.join(values)} FROM ${sql.table(table)} WHERE account_id = ${from.accountId}`.execute(trx);
    }
  });
  return { userId: from.userId, accountId, role: "owner" };
}

const show = (r: Figures) =>
  `${r.label}: P1 database ${ms(r.repo.p95)}, service ${ms(r.service.p95)}; P2 ${ms(r.search.p95)}`;

async function main() {
  const databaseUrl = await freshDatabase(PG_URL);
  const open = openDatabase({ databaseUrl });
  try {
    await migrate(open);
    const deps = benchDeps(open, NOW);
    const actors: Actor[] = [];
    const results: Figures[] = [];
    const t = performance.now();
    const middle = Math.ceil(ACCOUNTS / 2);
    for (let a = 1; a <= ACCOUNTS; a++) {
      const first = actors[0];
      if (first && a !== middle && a !== ACCOUNTS) {
        actors.push(await copyAccount(open.db, first, a));
        if (a % 10 === 0) console.log(`${a} accounts in, ${((performance.now() - t) / 1000).toFixed(0)} s`);
        continue;
      }
      const actor = await generate(open, deps, {
        contacts: CONTACTS,
        interactions: INTERACTIONS,
        seed: 42 + a,
        endAt: NOW,
        years: 5,
        userId: `bench-user-${a}`,
        idPrefix: `a${a}-`,
        vacuum: false,
        bulkContacts: true,
      });
      actors.push(actor);
      if (a === 1 || a === middle) {
        await sql`VACUUM ANALYZE`.execute(open.db);
        const label = a === 1 ? `account 1 alone (one ${CONTACTS}-contact account)` : `account ${a}, ${a} accounts in`;
        results.push(await measure(deps, actor, label));
        console.log(show(results.at(-1) as Figures));
      }
    }
    const generateS = (performance.now() - t) / 1000;
    await sql`VACUUM ANALYZE`.execute(open.db);
    for (const n of [1, middle, ACCOUNTS]) {
      const actor = actors[n - 1] as Actor;
      results.push(await measure(deps, actor, `account ${n}, all ${ACCOUNTS} accounts in`));
      console.log(show(results.at(-1) as Figures));
    }
    const counts = await sql<{ n: string }>`SELECT count(*) AS n FROM contact`.execute(open.db);
    const alone = results[0] as Figures;
    const cell = (s: Stats, base: Stats) => `${ms(s.p95)} (${(s.p95 / base.p95).toFixed(2)}×)`;
    const lines = [
      `Command: \`BENCH_POSTGRES_URL=${PG_URL} npm run bench:accounts\` (BENCH_SIM_ACCOUNTS=${ACCOUNTS}, BENCH_SIM_CONTACTS=${CONTACTS}, BENCH_SIM_INTERACTIONS=${INTERACTIONS}).`,
      `Date: ${new Date().toISOString().slice(0, 10)}. ${counts.rows[0]?.n} contacts in the database; generating took ${generateS.toFixed(0)} s. Load average at the end: ${(await import("node:os")).loadavg()[0]?.toFixed(1)}.`,
      "",
      "| measured | P1 today, database part, p95 | P1 today, service, p95 | P2 search 'ros cal', p95 |",
      "|---|---|---|---|",
      ...results.map(
        (r) =>
          `| ${r.label} | ${cell(r.repo, alone.repo)} | ${cell(r.service, alone.service)} | ${cell(r.search, alone.search)} |`,
      ),
      "",
      "Each ratio is to the first account measured alone.",
    ];
    console.log(lines.join("\n"));
  } finally {
    await open.close();
  }
}

await main();
