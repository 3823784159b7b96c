import {
  type Actor,
  createAccountForUser,
  type Deps,
  emptyHistory,
  type ImportedContact,
  newContact,
  rebuildDueState,
} from "@kith/core";
import type { OpenDatabase } from "@kith/store";
import type { InteractionContactTable, InteractionTable, RelationshipTable } from "@kith/store/schema";
import { insertTestUser } from "@kith/store/testing";
import { type Insertable, sql } from "kysely";

/**
 * A seeded, deterministic account the size of a power user's: contacts in circles of different density, companies,
 * tags, birthdays, and years of interactions with note text. The same seed gives the same rows on every machine.
 */
export interface GenerateOptions {
  contacts: number;
  interactions: number;
  seed: number;
  /** The instant the history ends (the bench's "now"). */
  endAt: string;
  years: number;
  /** Knows-edges between contacts (`insertKnowsEdges`): how many in all, and how many at the one hub. */
  knowsEdges?: { edges: number; hubEdges: number };
  /**
   * For several generated accounts in one database (`bench/accounts-sim.ts`): the owner's user id (default
   * `bench-user`) and a prefix for the generated rows' ids, which are the tables' keys across accounts.
   */
  userId?: string;
  idPrefix?: string;
  /** PostgreSQL: VACUUM ANALYZE once generated (default true); a caller generating many accounts does it once. */
  vacuum?: boolean;
  /**
   * Contacts are written in multi-row statements, as an import writes them (their due state is rebuilt after, as for
   * every generated account): the same rows as one insert each through the repository (`false`), many times faster
   * (a 200k account's contacts did not finish one by one in 19 minutes on a loaded machine).
   */
  bulkContacts?: boolean;
}

/** A bulk-written contact's due state until `rebuildDueState` computes it. */
const UNDERIVED = { history: emptyHistory, due: null, priority: null, recomputeOn: null };

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Rosa",
  "Tomas",
  "Cathy",
  "José",
  "Mei",
  "Anika",
  "Sam",
  "Lee",
  "Ada",
  "Omar",
  "Zoë",
  "Priya",
  "Jonas",
  "Ines",
  "Kofi",
  "Hana",
];
const LAST = [
  "Calder",
  "Selby",
  "Jaworski",
  "Núñez",
  "Chen",
  "Okafor",
  "Berg",
  "Silva",
  "Kowalski",
  "Haddad",
  "Ito",
  "Moreau",
];
const WORDS =
  "coffee project launch hiring design review intro referral conference garden climbing marathon podcast startup offer interview family move book recipe".split(
    " ",
  );
const TAGS = ["work", "mentor", "recruiter", "family", "friend", "climbing", "alumni", "investor", "neighbor", "coach"];
/** Most of a big network is loose ties; the inner circle is small. */
const CIRCLES: [string, number][] = [
  ["inner", 0.01],
  ["close", 0.04],
  ["network", 0.25],
  ["acquaintance", 0.6],
  ["occasions-only", 0.05],
  ["none", 0.05],
];
const KINDS = ["email", "call", "meeting", "message", "letter", "social", "other"];
const DIRECTIONS = ["outbound", "inbound", "mutual"];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function circleOf(rand: () => number): string {
  let r = rand();
  for (const [name, share] of CIRCLES) {
    if (r < share) return name;
    r -= share;
  }
  return "acquaintance";
}

const sentence = (rand: () => number, n: number) => Array.from({ length: n }, () => pick(rand, WORDS)).join(" ");

export async function generate(open: OpenDatabase, deps: Deps, options: GenerateOptions): Promise<Actor> {
  const rand = prng(options.seed);
  const userId = options.userId ?? "bench-user";
  const prefix = options.idPrefix ?? "";
  await insertTestUser(open, {
    id: userId,
    email: options.userId ? `${userId}@example.test` : "bench@example.test",
    name: "Bench",
  });
  const account = await deps.store.transaction((tx) =>
    createAccountForUser(deps, tx, { id: userId, name: "Bench" }, { timeZone: "America/New_York" }),
  );
  const actor: Actor = { userId, accountId: account.id, role: "owner" };
  const db = open.db;
  const createdAt = new Date(Date.parse(options.endAt) - options.years * 365 * 86_400_000).toISOString();

  const companies = Array.from({ length: 500 }, (_, i) => ({
    id: `${prefix}co-${String(i).padStart(4, "0")}`,
    account_id: account.id,
    name: `${pick(rand, LAST)} ${pick(rand, ["Labs", "Robotics", "Studio", "Partners", "Health", "Foods"])} ${i}`,
    domain: null,
    target: rand() < 0.05 ? 1 : 0,
    notes: "",
    created_at: createdAt,
    updated_at: createdAt,
  }));
  await db.insertInto("company").values(companies).execute();

  const companyNames = new Map(companies.map((c) => [c.id, c.name]));
  const contactIds: string[] = [];
  await deps.store.transaction(async (tx) => {
    const bulk: ImportedContact[] = [];
    for (let i = 0; i < options.contacts; i += 1) {
      const id = `${prefix}ct-${String(i).padStart(6, "0")}`;
      contactIds.push(id);
      const first = pick(rand, FIRST);
      const last = pick(rand, LAST);
      const contact = newContact(
        id,
        {
          firstName: first,
          lastName: `${last}${i}`,
          emails: [
            {
              address: `${first}.${last}${i}@example.com`
                .toLowerCase()
                .normalize("NFKD")
                .replace(/[^\x20-\x7e]/g, ""),
            },
          ],
          companyId: rand() < 0.7 ? (pick(rand, companies).id as string) : null,
          title: pick(rand, ["Engineer", "Designer", "Recruiter", "Founder", "Manager", ""]),
          tags: rand() < 0.6 ? [pick(rand, TAGS)] : [],
          interests: [pick(rand, WORDS)],
          notes: sentence(rand, 12),
          birthday:
            rand() < 0.3 ? { month: 1 + Math.floor(rand() * 12), day: 1 + Math.floor(rand() * 28), year: null } : null,
          circle: circleOf(rand),
        },
        createdAt,
      );
      if (options.bulkContacts === false) await tx.contacts.insert(account.id, contact);
      else bulk.push({ contact, companyName: companyNames.get(contact.companyId ?? "") ?? null, derived: UNDERIVED });
    }
    await tx.imports.insertContacts(account.id, bulk);
  });

  await insertInteractions(open, account.id, contactIds, options, rand);
  if (options.knowsEdges) {
    await insertKnowsEdges(open, account.id, contactIds, {
      ...options.knowsEdges,
      seed: options.seed + 1,
      at: createdAt,
    });
  }
  await rebuildDueState(deps, actor);
  // PostgreSQL plans from table statistics and answers counts from the index alone once pages are marked visible;
  // autovacuum does both within a minute or so of a bulk load. A benchmark that starts right after loading a
  // million rows does it itself.
  if (open.dialect === "postgres" && options.vacuum !== false) await sql`VACUUM ANALYZE`.execute(open.db);
  return actor;
}

/** Interactions in batches; a few "hub" contacts get many more, as real histories do. */
async function insertInteractions(
  open: OpenDatabase,
  accountId: string,
  contactIds: string[],
  options: GenerateOptions,
  rand: () => number,
) {
  const end = Date.parse(options.endAt);
  const span = options.years * 365 * 86_400_000;
  const BATCH = 1000;
  for (let start = 0; start < options.interactions; start += BATCH) {
    const rows: Insertable<InteractionTable>[] = [];
    const links: Insertable<InteractionContactTable>[] = [];
    for (let i = start; i < Math.min(options.interactions, start + BATCH); i += 1) {
      // Squaring skews toward the first contacts: a long tail, like real networks.
      const contactId = contactIds[Math.floor(rand() ** 2 * contactIds.length)] as string;
      const occurredAt = new Date(end - Math.floor(rand() * span)).toISOString();
      const kind = pick(rand, KINDS);
      const direction = pick(rand, DIRECTIONS);
      const meaningful = kind === "social" ? 0 : 1;
      const id = `${options.idPrefix ?? ""}ix-${String(i).padStart(8, "0")}`;
      rows.push({
        id,
        account_id: accountId,
        kind,
        direction,
        occurred_at: occurredAt,
        summary: sentence(rand, 8),
        meaningful,
        awaits_reply: 1,
        source: "import",
        created_at: occurredAt,
        updated_at: occurredAt,
      });
      links.push({
        account_id: accountId,
        interaction_id: id,
        contact_id: contactId,
        occurred_at: occurredAt,
        direction,
        meaningful,
        awaits_reply: 1,
      });
    }
    await open.db.transaction().execute(async (trx) => {
      await trx.insertInto("interaction").values(rows).execute();
      await trx.insertInto("interaction_contact").values(links).execute();
    });
  }
}

/**
 * Knows-edges between the account's contacts with a skewed degree distribution, as real networks have: one hub
 * (the second contact) joined to `hubEdges` others, the rest with one end drawn toward the first contacts (squared
 * uniform: a long tail) and the other uniform. One edge per pair; strengths 1–5. Written in multi-row batches.
 */
export async function insertKnowsEdges(
  open: OpenDatabase,
  accountId: string,
  contactIds: readonly string[],
  options: { edges: number; hubEdges: number; seed: number; at: string },
): Promise<number> {
  const rand = prng(options.seed);
  const seen = new Set<string>();
  const hub = contactIds[1] as string;
  const BATCH = 2000;
  let batch: Insertable<RelationshipTable>[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await open.db.transaction().execute((trx) => trx.insertInto("relationship").values(rows).execute());
  };
  const add = async (a: string, b: string) => {
    if (a === b) return;
    const key = a < b ? `knows:${a}:${b}` : `knows:${b}:${a}`;
    if (seen.has(key)) return;
    seen.add(key);
    batch.push({
      id: `rel-${String(written).padStart(8, "0")}`,
      account_id: accountId,
      from_contact_id: a,
      to_contact_id: b,
      kind: "knows",
      pair_key: key,
      how: "",
      strength: 1 + Math.floor(rand() * 5),
      since_on: null,
      created_at: options.at,
      updated_at: options.at,
    });
    written += 1;
    if (batch.length >= BATCH) await flush();
  };
  for (let i = 0; written < options.hubEdges && i < options.hubEdges * 2; i += 1) {
    await add(hub, contactIds[Math.floor(rand() * contactIds.length)] as string);
  }
  while (written < options.edges) {
    const a = contactIds[Math.floor(rand() ** 2 * contactIds.length)] as string;
    await add(a, contactIds[Math.floor(rand() * contactIds.length)] as string);
  }
  await flush();
  return written;
}
