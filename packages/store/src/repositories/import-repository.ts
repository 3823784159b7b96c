import type { Company, ImportedContact, ImportRepository, Interaction } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { insertCompanies, insertContacts, insertInteractions } from "./import-bulk-writes.ts";

/** An import's reads and bulk writes; the job ledger is `import-job-ledger.ts`, merges `duplicate-repository.ts`. */
export class KyselyImportRepository implements ImportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async companies(accountId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .selectFrom("company")
      .select(["id", "name"])
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  insertCompanies(accountId: string, companies: readonly Company[]): Promise<void> {
    return insertCompanies(this.db, this.dialect, accountId, companies);
  }

  insertContacts(accountId: string, contacts: readonly ImportedContact[]): Promise<void> {
    return insertContacts(this.db, this.dialect, accountId, contacts);
  }

  insertInteractions(accountId: string, interactions: readonly Interaction[]): Promise<void> {
    return insertInteractions(this.db, this.dialect, accountId, interactions);
  }
}
