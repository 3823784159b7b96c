import { type Actor, requireRole } from "../accounts/roles.ts";
import { NOTHING_DERIVED } from "../contacts/new-contact.ts";
import { displayNameOf } from "../contacts/schemas.ts";
import { storedPhotoOf } from "../contacts/stored-photo.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import { orderedPair } from "../duplicates/dismissal-service.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict } from "../shared/errors.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import type { Backup, RestoreResult } from "./backup-schema.ts";
import { undoRestore, type Written } from "./restore-undo.ts";
import { planRestore, type RestorePlan, resolve, validateBackup } from "./restore-validate.ts";

/**
 * Rows written per transaction. On SQLite a transaction holds the one connection (and the event loop, the driver
 * being synchronous) until it commits: 500 rows held it for about a quarter of a second on a busy 2-core machine
 * (`bench/fairness.ts`), 200 for about a tenth, then other requests run.
 */
export const RESTORE_BATCH_ROWS = 200;

interface Run {
  deps: Deps;
  batchRows: number;
}

async function assertEmpty(tx: Repositories, accountId: string): Promise<void> {
  const contacts = await tx.duplicates.identities(accountId);
  const companies = await tx.imports.companies(accountId);
  const interactions = await tx.interactions.list(accountId, {}, { limit: 1 });
  const webhooks = await tx.webhooks.list(accountId);
  if (contacts.length + companies.length + interactions.items.length + webhooks.length > 0) {
    throw conflict(
      "a backup is restored into an empty account only, and this one already has contacts, companies, " +
        "interactions or webhooks: restore it into a new account",
    );
  }
}

/** Writes `rows` a batch per transaction, with a turn of the event loop after each; `done` hears committed ones. */
async function inBatches<T>(
  run: Run,
  rows: readonly T[],
  write: (tx: Repositories, row: T, index: number) => Promise<void>,
  done: (batch: readonly T[]) => void = () => {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += run.batchRows) {
    const batch = rows.slice(start, start + run.batchRows);
    await run.deps.store.transaction(async (tx) => {
      for (const [j, row] of batch.entries()) await write(tx, row, start + j);
    });
    done(batch);
    await yieldToLoop();
  }
}

async function writeRows(run: Run, accountId: string, b: Backup, plan: RestorePlan, written: Written) {
  const { companyIds, contactIds, interactionIds } = plan;
  const id = (refs: Map<string, string>, ref: string) => resolve(refs, ref, ref);
  await inBatches(
    run,
    b.companies,
    (tx, { ref, ...c }) => tx.companies.insert(accountId, { id: id(companyIds, ref), ...c }),
    (batch) => written.companies.push(...batch.map((c) => id(companyIds, c.ref))),
  );
  await inBatches(
    run,
    b.contacts,
    async (tx, { ref, companyRef, photo, ...c }) => {
      const contactId = id(contactIds, ref);
      await tx.contacts.insert(accountId, {
        ...c,
        id: contactId,
        companyId: companyRef ? id(companyIds, companyRef) : null,
        displayName: displayNameOf(c),
        photoUpdatedAt: null,
        ...NOTHING_DERIVED,
      });
      const stored = photo && storedPhotoOf(photo, photo.updatedAt);
      if (stored) await tx.photos.put(accountId, contactId, stored);
    },
    (batch) => written.contacts.push(...batch.map((c) => id(contactIds, c.ref))),
  );
  await inBatches(run, b.interactions, (tx, { ref, contactRefs, ...rest }) =>
    tx.interactions.insert(accountId, {
      id: id(interactionIds, ref),
      contactIds: contactRefs.map((r) => id(contactIds, r)),
      ...rest,
    }),
  );
  await inBatches(run, b.followUps, (tx, { ref: _ref, contactRef, interactionRef, ...f }) =>
    tx.followUps.insert(accountId, {
      ...f,
      id: run.deps.ids.newId(),
      contactId: id(contactIds, contactRef),
      interactionId: interactionRef ? id(interactionIds, interactionRef) : null,
    }),
  );
  const at = run.deps.clock.now().toISOString();
  await inBatches(run, b.duplicateDismissals, (tx, { contactRefs: [x = "", y = ""] }) =>
    tx.duplicates.insertDismissal(accountId, ...orderedPair(id(contactIds, x), id(contactIds, y)), at),
  );
}

/** Every contact's derived state recomputed from its history, a batch per transaction. */
async function refreshAll({ deps, batchRows }: Run, accountId: string, contactIds: readonly string[]) {
  for (let i = 0; i < contactIds.length; i += batchRows) {
    await deps.store.transaction(async (tx) => {
      const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
      await refreshContacts(tx, ctx, contactIds.slice(i, i + batchRows), { mode: "rebuild" });
    });
    await yieldToLoop();
  }
}

/**
 * Restores a backup into an empty account (owner only): settings, then every row under a new id, then the derived
 * state of every contact recomputed from its history, then the digest schedule and the webhooks.
 *
 * Heavy work stays fair: the backup is checked a slice at a time and every reference resolved before anything is
 * written (a broken backup writes nothing), then rows go in batches of `batchRows` (200), each its own
 * transaction, with a turn of the event loop between them — one transaction would hold SQLite's only connection,
 * and so every other user's request, for the whole restore. All or nothing for the user all the same: the account
 * was empty, so when a batch fails, what the earlier batches wrote is deleted again and the account's name and
 * settings put back (`undoRestore`) before the error is passed on. A process killed mid-way leaves the rows
 * written so far; the account is then not empty and a second restore is refused until they are deleted.
 */
export async function restoreBackup(
  deps: Deps,
  actor: Actor,
  input: unknown,
  opts: { batchRows?: number } = {},
): Promise<RestoreResult> {
  requireRole(actor, "owner");
  const run: Run = { deps, batchRows: opts.batchRows ?? RESTORE_BATCH_ROWS };
  const accountId = actor.accountId;
  const backup = await validateBackup(input);
  const plan = planRestore(backup, () => deps.ids.newId());
  const before = await deps.store.transaction(async (tx) => {
    await assertEmpty(tx, accountId);
    const account = await tx.accounts.findById(accountId);
    const { name, timeZone, country, settings } = backup.account;
    await tx.accounts.update(accountId, { name, timeZone, country });
    await tx.accounts.updateSettings(accountId, JSON.stringify(settings));
    return account;
  });
  const written: Written = { companies: [], contacts: [] };
  try {
    await writeRows(run, accountId, backup, plan, written);
    await refreshAll(run, accountId, written.contacts);
    // Last, so that nothing before it needs taking out again: the digest schedule and the webhooks.
    await deps.store.transaction(async (tx) => {
      if (backup.notify) await tx.deliveries.setSettings(accountId, backup.notify, deps.clock.now().toISOString());
      for (const { ref: _ref, ...w } of backup.webhooks) {
        await tx.webhooks.insert(accountId, { ...w, id: deps.ids.newId(), accountId });
      }
      for (const { defaultId, ...t } of backup.templates) {
        await tx.messageTemplates.save(accountId, { ...t, id: defaultId ?? `tpl_${deps.ids.newId()}` });
      }
    });
  } catch (error) {
    // The failure is what the caller hears; an undo that fails as well leaves what it could not delete.
    await undoRestore(deps, accountId, written, before).catch(() => undefined);
    throw error;
  }
  const { companies, contacts, interactions, followUps, webhooks } = backup;
  return {
    webhooks: webhooks.length,
    companies: companies.length,
    contacts: contacts.length,
    interactions: interactions.length,
    followUps: followUps.length,
  };
}
