import { type Actor, requireRole } from "../accounts/roles.ts";
import { displayNameOf } from "../contacts/schemas.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, invalid } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { type Backup, backupSchema, type RestoreResult } from "./backup-schema.ts";

type Refs = Map<string, string>;

function resolve(refs: Refs, ref: string, path: string): string {
  const id = refs.get(ref);
  if (!id) throw invalid(path, `refers to ${ref}, which is not in the backup`);
  return id;
}

async function assertEmpty(tx: Repositories, accountId: string): Promise<void> {
  const contacts = await tx.duplicates.identities(accountId);
  const companies = await tx.imports.companies(accountId);
  const interactions = await tx.interactions.list(accountId, {}, { limit: 1 });
  if (contacts.length + companies.length + interactions.items.length > 0) {
    throw conflict("a backup is restored into an empty account only; this one has data");
  }
}

async function restorePeople(tx: Repositories, deps: Deps, accountId: string, b: Backup) {
  const companyIds: Refs = new Map();
  for (const { ref, ...c } of b.companies) {
    const id = deps.ids.newId();
    companyIds.set(ref, id);
    await tx.companies.insert(accountId, { id, ...c });
  }
  const contactIds: Refs = new Map();
  for (const [i, { ref, companyRef, ...c }] of b.contacts.entries()) {
    const id = deps.ids.newId();
    contactIds.set(ref, id);
    const companyId = companyRef ? resolve(companyIds, companyRef, `contacts.${i}.companyRef`) : null;
    await tx.contacts.insert(accountId, {
      ...c,
      id,
      companyId,
      displayName: displayNameOf(c),
      ...{ lastTouchAt: null, touchCount: 0, nextDueOn: null, dueReason: null },
    });
  }
  return contactIds;
}

async function restoreHistory(tx: Repositories, deps: Deps, accountId: string, b: Backup, contactIds: Refs) {
  const interactionIds: Refs = new Map();
  for (const [i, { ref, contactRefs, ...rest }] of b.interactions.entries()) {
    const id = deps.ids.newId();
    interactionIds.set(ref, id);
    const ids = contactRefs.map((r, j) => resolve(contactIds, r, `interactions.${i}.contactRefs.${j}`));
    await tx.interactions.insert(accountId, { id, contactIds: ids, ...rest });
  }
  for (const [i, { ref: _ref, contactRef, interactionRef, ...f }] of b.followUps.entries()) {
    await tx.followUps.insert(accountId, {
      ...f,
      id: deps.ids.newId(),
      contactId: resolve(contactIds, contactRef, `followUps.${i}.contactRef`),
      interactionId: interactionRef ? resolve(interactionIds, interactionRef, `followUps.${i}.interactionRef`) : null,
      opportunityId: null,
      askId: null,
    });
  }
}

/**
 * Restores a backup into an empty account in one transaction: settings, then every row under a new id, then the
 * derived state of every contact recomputed from its history. Only an owner restores.
 */
export async function restoreBackup(deps: Deps, actor: Actor, input: unknown): Promise<RestoreResult> {
  requireRole(actor, "owner");
  const backup = parseInput(backupSchema, input);
  return deps.store.transaction(async (tx) => {
    await assertEmpty(tx, actor.accountId);
    const { name, timeZone, country, settings } = backup.account;
    await tx.accounts.update(actor.accountId, { name, timeZone, country });
    await tx.accounts.updateSettings(actor.accountId, JSON.stringify(settings));
    const contactIds = await restorePeople(tx, deps, actor.accountId, backup);
    await restoreHistory(tx, deps, actor.accountId, backup, contactIds);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    const ids = [...contactIds.values()];
    for (let i = 0; i < ids.length; i += 500) {
      await refreshContacts(tx, ctx, ids.slice(i, i + 500), { mode: "rebuild" });
    }
    const { companies, contacts, interactions, followUps } = backup;
    return {
      companies: companies.length,
      contacts: contacts.length,
      interactions: interactions.length,
      followUps: followUps.length,
    };
  });
}
