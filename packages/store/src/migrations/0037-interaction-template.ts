import type { Kysely } from "kysely";

/**
 * Reply rate by template (issue #16): a message sent from a draft remembers the template it started from —
 * `template_id` (a default's `default:…` id or an own `tpl_…` one) and `template_name`, its name when the message
 * went out, so a template deleted since is still counted under its last name. Both null for everything else (a
 * call, an import, a message typed from scratch). No index: the analytics reach these rows by their primary key
 * from `interaction_contact`.
 */
export const interactionTemplateMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("interaction").addColumn("template_id", "text").execute();
    await db.schema.alterTable("interaction").addColumn("template_name", "text").execute();
  },
};
