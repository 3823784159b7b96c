import type { Account } from "../accounts/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";

/** What a restore's committed batches wrote, so a failure can take it out again. */
export interface Written {
  companies: string[];
  contacts: string[];
}

const UNDO_BATCH = 200;

/**
 * Takes a failed restore's rows out again, in batches with turns of the event loop like the restore itself. The
 * account was empty before, so this is exact: deleting a contact takes its tags, follow-ups, links and search rows
 * with it, and an interaction goes with the last of its contacts (every restored interaction names only restored
 * contacts); then the companies, and the account's name and settings as they were.
 */
export async function undoRestore(
  deps: Deps,
  accountId: string,
  written: Written,
  before: (Account & { settings: string }) | null,
): Promise<void> {
  for (let i = 0; i < written.contacts.length; i += UNDO_BATCH) {
    await deps.store.transaction(async (tx) => {
      for (const id of written.contacts.slice(i, i + UNDO_BATCH)) await tx.contacts.hardDelete(accountId, id);
    });
    await yieldToLoop();
  }
  for (let i = 0; i < written.companies.length; i += UNDO_BATCH) {
    await deps.store.transaction(async (tx) => {
      for (const id of written.companies.slice(i, i + UNDO_BATCH)) await tx.companies.delete(accountId, id);
    });
    await yieldToLoop();
  }
  if (!before) return;
  await deps.store.transaction(async (tx) => {
    await tx.accounts.update(accountId, { name: before.name, timeZone: before.timeZone, country: before.country });
    await tx.accounts.updateSettings(accountId, before.settings);
  });
}
