import { type Actor, type Deps, notFound, resolveActor } from "@kith/core";
import { KyselyLocalActorRepository, type OpenDatabase } from "@kith/store";

export const NO_ACCOUNT_YET =
  "no account yet: run `npm start` and sign up first, or `kith init --email … --name … --password …`";

/**
 * In-process mode has no sign-in: whoever can open the database file owns the data anyway, so the CLI acts as
 * the owner of the single local account (or of the one picked with --account when there are several).
 */
export async function resolveLocalActor(open: OpenDatabase, deps: Deps, accountId?: string): Promise<Actor> {
  const owners = await new KyselyLocalActorRepository(open.db).owners();
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
