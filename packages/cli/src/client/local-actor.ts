import { type Actor, type Deps, notFound, resolveActor } from "@kith/core";
import type { OpenDatabase } from "@kith/store";

export const NO_ACCOUNT_YET =
  "no account yet: run `npm start` and sign up first, or `kith init --email … --name … --password …`";

interface OwnerRow {
  accountId: string;
  userId: string;
  name: string;
}

/** The owners of every account in the local database; the CLI on the machine acts as one of them. */
async function listOwners(open: OpenDatabase): Promise<OwnerRow[]> {
  return open.db
    .selectFrom("membership as m")
    .innerJoin("account as a", "a.id", "m.account_id")
    .select(["m.account_id as accountId", "m.user_id as userId", "a.name as name"])
    .where("m.role", "=", "owner")
    .orderBy("m.created_at")
    .orderBy("m.account_id")
    .execute();
}

/**
 * In-process mode has no sign-in: whoever can open the database file owns the data anyway, so the CLI acts as
 * the owner of the single local account (or of the one picked with --account when there are several).
 */
export async function resolveLocalActor(open: OpenDatabase, deps: Deps, accountId?: string): Promise<Actor> {
  const owners = await listOwners(open);
  if (owners.length === 0) throw new Error(NO_ACCOUNT_YET);
  if (accountId) {
    const owner = owners.find((o) => o.accountId === accountId);
    if (!owner) throw notFound("account", accountId);
    return resolveActor(deps, owner.userId, accountId);
  }
  const accounts = [...new Map(owners.map((o) => [o.accountId, o])).values()];
  if (accounts.length > 1) {
    const lines = accounts.map((o) => `  ${o.accountId}  ${o.name}`);
    throw new Error(
      `this database holds ${accounts.length} accounts; pick one with --account <id>:\n${lines.join("\n")}`,
    );
  }
  const [only] = accounts;
  return resolveActor(deps, only!.userId, only!.accountId);
}
