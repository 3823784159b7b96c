import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface AccountOwner {
  accountId: string;
  userId: string;
  /** The account's name. */
  name: string;
}

/**
 * The CLI's in-process mode has no sign-in: it acts as an owner of a local account. This is the one read it needs,
 * across accounts (a system read, like the scheduler's): every owner membership, oldest first.
 */
export class KyselyLocalActorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async owners(): Promise<AccountOwner[]> {
    return this.db
      .selectFrom("membership as m")
      .innerJoin("account as a", "a.id", "m.account_id")
      .select(["m.account_id as accountId", "m.user_id as userId", "a.name as name"])
      .where("m.role", "=", "owner")
      .orderBy("m.created_at")
      .orderBy("m.account_id")
      .execute();
  }
}
