import { type Kysely, sql } from "kysely";

/**
 * The network (issue #13). `relationship`: an edge between two contacts of one account, read "from is to's kind"
 * (parent, grandparent, introduced-by are directed; the rest read the same both ways). `pair_key` is
 * `kind:lower id:higher id`, so one edge per pair and kind whichever way it was entered. The two adjacency indexes
 * serve the path search (a level's edges in one query each way).
 *
 * `ask`: a "who do you know?" request to one contact about a company, a role, a person or anything; `ask_name` the
 * names received (each a contact, linked to the person asked by an introduced-by edge). `follow_up.ask_step` says
 * which of an ask's follow-ups a row is (nudge, thank, how-it-went): the draft and the rules that close it read it.
 */
export const networkMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("relationship")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("from_contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("to_contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("pair_key", "text", (c) => c.notNull())
      .addColumn("how", "text", (c) => c.notNull())
      .addColumn("strength", "integer", (c) => c.notNull())
      .addColumn("since_on", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("relationship_pair")
      .unique()
      .on("relationship")
      .columns(["account_id", "pair_key"])
      .execute();
    await db.schema
      .createIndex("relationship_from")
      .on("relationship")
      .columns(["account_id", "from_contact_id"])
      .execute();
    await db.schema
      .createIndex("relationship_to")
      .on("relationship")
      .columns(["account_id", "to_contact_id"])
      .execute();
    await db.schema
      .createTable("ask")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("about_kind", "text", (c) => c.notNull())
      .addColumn("about_text", "text", (c) => c.notNull())
      .addColumn("about_company_id", "text", (c) => c.references("company.id").onDelete("set null"))
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("asked_at", "text", (c) => c.notNull())
      .addColumn("status_changed_at", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("ask_account_asked").on("ask").columns(["account_id", "asked_at"]).execute();
    await db.schema.createIndex("ask_account_contact").on("ask").columns(["account_id", "contact_id"]).execute();
    await db.schema
      .createTable("ask_name")
      .addColumn("ask_id", "text", (c) => c.notNull().references("ask.id").onDelete("cascade"))
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("relationship_id", "text", (c) => c.references("relationship.id").onDelete("set null"))
      .addColumn("received_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("ask_name_pk", ["ask_id", "contact_id"])
      .execute();
    await db.schema.createIndex("ask_name_contact").on("ask_name").columns(["account_id", "contact_id"]).execute();
    await db.schema.alterTable("follow_up").addColumn("ask_step", "text").execute();
    await db.schema
      .createIndex("follow_up_ask")
      .on("follow_up")
      .columns(["account_id", "ask_id"])
      .where(sql.ref("ask_id"), "is not", null)
      .execute();
  },
};
