import type { Kysely } from "kysely";

/**
 * The job search (issue #14): an `opportunity` at a company with its current stage and a dated history of stage
 * changes; contacts with a role on it; interviews (an instant and the zone they were scheduled in, the people as a
 * JSON list of contact ids, held or not); one interview prep per opportunity (research notes, questions and
 * answers, people to meet, JSON); the account's reusable `interview_question` bank; and `job_expense` (amounts as
 * integer minor units). `follow_up.draft_slot` names the template slot of a follow-up a stage rule created (a
 * thank-you after an interview reads as one on Today); null for every other follow-up.
 */
export const opportunitiesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("opportunity")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("company_id", "text", (c) => c.references("company.id").onDelete("set null"))
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("link", "text")
      .addColumn("source", "text")
      .addColumn("salary_min", "integer")
      .addColumn("salary_max", "integer")
      .addColumn("salary_currency", "text")
      .addColumn("location", "text")
      .addColumn("remote", "integer", (c) => c.notNull())
      .addColumn("notes", "text", (c) => c.notNull())
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("stage_on", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("opportunity_account_stage")
      .on("opportunity")
      .columns(["account_id", "stage"])
      .execute();
    await db.schema
      .createIndex("opportunity_account_company")
      .on("opportunity")
      .columns(["account_id", "company_id"])
      .execute();
    await db.schema
      .createTable("opportunity_stage_change")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("opportunity_id", "text", (c) => c.notNull().references("opportunity.id").onDelete("cascade"))
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("from_stage", "text")
      .addColumn("changed_on", "text", (c) => c.notNull())
      .addColumn("changed_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("opportunity_stage_change_opportunity")
      .on("opportunity_stage_change")
      .columns(["opportunity_id", "changed_at"])
      .execute();
    await db.schema
      .createTable("opportunity_contact")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("opportunity_id", "text", (c) => c.notNull().references("opportunity.id").onDelete("cascade"))
      .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("added_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("opportunity_contact_pk", ["opportunity_id", "contact_id"])
      .execute();
    await db.schema
      .createIndex("opportunity_contact_contact")
      .on("opportunity_contact")
      .columns(["account_id", "contact_id"])
      .execute();
    await db.schema
      .createTable("interview")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("opportunity_id", "text", (c) => c.notNull().references("opportunity.id").onDelete("cascade"))
      .addColumn("starts_at", "text", (c) => c.notNull())
      .addColumn("time_zone", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("contact_ids", "text", (c) => c.notNull())
      .addColumn("notes", "text", (c) => c.notNull())
      .addColumn("held_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("interview_opportunity")
      .on("interview")
      .columns(["opportunity_id", "starts_at"])
      .execute();
    await db.schema
      .createTable("interview_prep")
      .addColumn("opportunity_id", "text", (c) => c.primaryKey().references("opportunity.id").onDelete("cascade"))
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("research_notes", "text", (c) => c.notNull())
      .addColumn("questions", "text", (c) => c.notNull())
      .addColumn("people_to_meet", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("interview_question")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("question", "text", (c) => c.notNull())
      .addColumn("answer", "text", (c) => c.notNull())
      .addColumn("tags", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("interview_question_account")
      .on("interview_question")
      .columns(["account_id", "created_at"])
      .execute();
    await db.schema
      .createTable("job_expense")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("opportunity_id", "text", (c) => c.references("opportunity.id").onDelete("set null"))
      .addColumn("spent_on", "text", (c) => c.notNull())
      .addColumn("amount_minor", "integer", (c) => c.notNull())
      .addColumn("currency", "text", (c) => c.notNull())
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("note", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("job_expense_account_spent")
      .on("job_expense")
      .columns(["account_id", "spent_on"])
      .execute();
    await db.schema.alterTable("follow_up").addColumn("draft_slot", "text").execute();
    await db.schema
      .createIndex("follow_up_account_opportunity")
      .on("follow_up")
      .columns(["account_id", "opportunity_id"])
      .execute();
  },
};
