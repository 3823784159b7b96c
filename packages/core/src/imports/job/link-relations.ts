import { STRENGTH_DEFAULT } from "../../network/schemas.ts";
import type { Deps, Repositories } from "../../ports/index.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { NameBook, type PendingLink, planLinks } from "../plan/relation-links.ts";
import type { ImportRowOutcome } from "../schemas.ts";

/** The names a chunk's rows gave, each with the contact its row went into (a failed row has none: its names go). */
export function pendingLinksOf(rows: readonly ParsedRow[], outcomes: readonly ImportRowOutcome[]): PendingLink[] {
  const contactOf = new Map(outcomes.map((o) => [o.line, o.contactId]));
  return rows.flatMap((row) => {
    const contactId = contactOf.get(row.line);
    return contactId ? (row.relations ?? []).map((ref) => ({ line: row.line, contactId, ref })) : [];
  });
}

/**
 * Once every row of a job is in: the names its rows gave are found among the account's contacts (the file's rows
 * are contacts now), and each makes its relationship, inside the caller's transaction. Done once: a job whose links
 * were recorded (a resumed job that stopped after this) makes none again. False when the lease was lost (the
 * caller rolls back).
 */
export async function linkImportRelations(
  deps: Deps,
  tx: Repositories,
  job: { accountId: string; id: string },
  owner: string,
): Promise<boolean> {
  const { recorded, links } = await tx.importJobs.pendingLinks(job.accountId, job.id);
  if (recorded) return true;
  const nowAt = deps.clock.now().toISOString();
  if (links.length === 0) {
    return tx.importJobs.recordLinks(job.accountId, job.id, owner, {
      created: 0,
      existing: 0,
      unresolved: 0,
      issues: [],
    });
  }
  const book = new NameBook();
  for (const identity of await tx.duplicates.identities(job.accountId)) book.add(identity);
  const first = planLinks(links, book, new Set());
  const keys = first.flatMap((p) => (p.edge ? [p.edge.pairKey] : []));
  const plans = planLinks(links, book, await tx.relationships.existingPairKeys(job.accountId, keys));
  // Every contact the edges join, held at once in one order (by id) while they are written.
  const ends = [
    ...new Set(plans.flatMap((p) => (p.status === "link" && p.edge ? [p.edge.fromContactId, p.edge.toContactId] : []))),
  ];
  const held = await tx.contacts.lockExisting(job.accountId, ends);
  const counts = { created: 0, existing: 0, unresolved: 0 };
  const issues: { line: number; message: string }[] = [];
  for (const p of plans) {
    if (p.status === "linked") counts.existing += 1;
    if (p.status === "link" && p.edge && !(held.has(p.edge.fromContactId) && held.has(p.edge.toContactId))) {
      issues.push({ line: p.line, message: `${p.field} "${p.name}" not linked: the contact is no longer there` });
      counts.unresolved += 1;
      continue;
    }
    if (p.status !== "link" || !p.edge) {
      if (p.message) issues.push({ line: p.line, message: p.message });
      if (p.status !== "linked") counts.unresolved += 1;
      continue;
    }
    const inserted = await tx.relationships.insert(job.accountId, {
      id: deps.ids.newId(),
      fromContactId: p.edge.fromContactId,
      toContactId: p.edge.toContactId,
      kind: p.edge.kind,
      how: p.edge.how,
      strength: STRENGTH_DEFAULT,
      sinceOn: null,
      createdAt: nowAt,
      updatedAt: nowAt,
    });
    counts[inserted ? "created" : "existing"] += 1;
  }
  return tx.importJobs.recordLinks(job.accountId, job.id, owner, { ...counts, issues });
}
