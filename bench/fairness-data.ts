import { type Actor, commitImport, createAccountForUser, createApiToken, type Deps } from "@kith/core";
import { randomIds, randomSecrets } from "@kith/server";
import { createStore, migrate, openDatabase } from "@kith/store";
import { insertTestUser } from "@kith/store/testing";
import { prng } from "./generate.ts";
import { linkedInCsv } from "./import.ts";

/** Who takes part in the fairness bench: A imports, R restores (a restore needs an empty account), B observes. */
export interface Party {
  actor: Actor;
  token: string;
}

export interface Parties {
  importer: Party;
  restorer: Party;
  observer: Party & { contactIds: string[] };
}

const NOW = "2026-11-24T14:00:00.000Z";

async function party(deps: Deps, open: Parameters<typeof insertTestUser>[0], name: string): Promise<Party> {
  const id = `bench-${name}`;
  await insertTestUser(open, { id, email: `${name}@example.test`, name });
  const account = await deps.store.transaction((tx) =>
    createAccountForUser(deps, tx, { id, name }, { timeZone: "America/New_York" }),
  );
  const actor: Actor = { userId: id, accountId: account.id, role: "owner" };
  const { token } = await createApiToken(deps, actor, { name: "bench" });
  return { actor, token };
}

/** Three accounts in `dataDir` (or PostgreSQL at `databaseUrl`); the observer has a few thousand contacts of its own. */
export async function prepareParties(target: { dataDir: string; databaseUrl?: string | undefined }): Promise<Parties> {
  const open = openDatabase(target);
  try {
    await migrate(open);
    const clock = { now: () => new Date(NOW) };
    const deps: Deps = { store: createStore(open.db, open.dialect), clock, ids: randomIds, secrets: randomSecrets };
    const importer = await party(deps, open, "importer");
    const restorer = await party(deps, open, "restorer");
    const observer = await party(deps, open, "observer");
    await commitImport(deps, observer.actor, { content: linkedInCsv(3000, 11), fileName: "Connections.csv" });
    const rows = await open.db
      .selectFrom("contact")
      .select("id")
      .where("account_id", "=", observer.actor.accountId)
      .limit(200)
      .execute();
    return { importer, restorer, observer: { ...observer, contactIds: rows.map((r) => r.id) } };
  } finally {
    await open.close();
  }
}

/** A version-1 backup of `contacts` contacts and `interactions` interactions (with note text), as one JSON text. */
export function backupJson(contacts: number, interactions: number, seed = 5): string {
  const rand = prng(seed);
  const at = (i: number) => new Date(Date.parse("2021-01-01T00:00:00Z") + i * 600_000).toISOString();
  const words = "coffee project launch hiring design review intro referral conference garden climbing".split(" ");
  const note = () => Array.from({ length: 12 }, () => words[Math.floor(rand() * words.length)]).join(" ");
  const parts: string[] = [];
  const companies = Array.from({ length: 300 }, (_, i) => ({
    ...{ ref: `company-${i}`, name: `Company ${i}`, domain: null, target: false, notes: "" },
    ...{ createdAt: at(0), updatedAt: at(0) },
  }));
  for (let i = 0; i < contacts; i++) {
    parts.push(
      JSON.stringify({
        ...{ ref: `contact-${i}`, firstName: `First${i}`, lastName: `Last${i % 997}` },
        ...{ emails: [{ address: `c${i}@example.com` }], phones: [], links: [] },
        ...{ companyRef: `company-${i % 300}`, title: "Engineer", tags: ["bench"], interests: [], howWeMet: "" },
        ...{ notes: note(), birthday: null, circle: "network", timeZone: null, muted: false },
        ...{ cadenceOverride: null, snoozedUntilOn: null, movedOnAt: null, moveOnNote: null },
        ...{ circleBeforeMoveOn: null, archivedAt: null, createdAt: at(0), updatedAt: at(0) },
      }),
    );
  }
  const contactsJson = parts.join(",");
  parts.length = 0;
  for (let i = 0; i < interactions; i++) {
    parts.push(
      JSON.stringify({
        ...{ ref: `interaction-${i}`, contactRefs: [`contact-${Math.floor(rand() * contacts)}`], kind: "email" },
        ...{ direction: "outbound", occurredAt: at(i), summary: note(), meaningful: true, source: "manual" },
        ...{ createdAt: at(i), updatedAt: at(i) },
      }),
    );
  }
  const account = { name: "Restored", timeZone: "America/New_York", country: null, settings: {} };
  const head = JSON.stringify({ format: "kith-backup", version: 1, account, companies: companies });
  return `${head.slice(0, -1)},"contacts":[${contactsJson}],"interactions":[${parts.join(",")}],"followUps":[]}`;
}
