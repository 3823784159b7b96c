import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * The habit's past weeks, stored. The streak reads up to two years of weeks, which only change when something
 * dated before the current week is logged, edited or removed — rare next to the reads. `habit_weeks` holds the
 * counts (JSON, with the time zone, week start, goal and week they were counted for); `habit_weeks_from_at` is the
 * instant the current week began. Triggers clear the copy whenever an interaction or a follow-up completion dated
 * before that instant is inserted, changed or deleted — on every write path, imports and restores included.
 */
export function habitWeeksMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("account").addColumn("habit_weeks", "text").execute();
      await db.schema.alterTable("account").addColumn("habit_weeks_from_at", "text").execute();
      const clear = (account: string, at: string) =>
        `UPDATE account SET habit_weeks = NULL, habit_weeks_from_at = NULL
         WHERE id = ${account} AND habit_weeks_from_at > ${at}`;
      if (dialect === "sqlite") {
        const triggers: [string, string, string][] = [
          ["interaction_habit_insert", "AFTER INSERT ON interaction", clear("NEW.account_id", "NEW.occurred_at")],
          [
            "interaction_habit_update",
            "AFTER UPDATE ON interaction",
            clear("NEW.account_id", "min(OLD.occurred_at, NEW.occurred_at)"),
          ],
          ["interaction_habit_delete", "AFTER DELETE ON interaction", clear("OLD.account_id", "OLD.occurred_at")],
          ["follow_up_habit_insert", "AFTER INSERT ON follow_up", clear("NEW.account_id", "NEW.completed_at")],
          [
            "follow_up_habit_update",
            "AFTER UPDATE OF completed_at, status, interaction_id ON follow_up",
            clear(
              "NEW.account_id",
              "min(coalesce(OLD.completed_at, NEW.completed_at), coalesce(NEW.completed_at, OLD.completed_at))",
            ),
          ],
          ["follow_up_habit_delete", "AFTER DELETE ON follow_up", clear("OLD.account_id", "OLD.completed_at")],
        ];
        for (const [name, when, body] of triggers) {
          await sql.raw(`CREATE TRIGGER ${name} ${when} BEGIN ${body}; END`).execute(db);
        }
        return;
      }
      // PostgreSQL: one function per table; LEAST ignores NULLs, and a NULL instant clears nothing.
      const fn = (name: string, column: string) => `
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE acct text; at text;
        BEGIN
          IF TG_OP = 'DELETE' THEN acct := OLD.account_id; at := OLD.${column};
          ELSIF TG_OP = 'INSERT' THEN acct := NEW.account_id; at := NEW.${column};
          ELSE acct := NEW.account_id; at := LEAST(OLD.${column}, NEW.${column});
          END IF;
          IF at IS NOT NULL THEN ${clear("acct", "at")}; END IF;
          RETURN NULL;
        END $$`;
      await sql.raw(fn("interaction_habit_clear", "occurred_at")).execute(db);
      await sql.raw(fn("follow_up_habit_clear", "completed_at")).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER interaction_habit AFTER INSERT OR UPDATE OR DELETE ON interaction
           FOR EACH ROW EXECUTE FUNCTION interaction_habit_clear()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER follow_up_habit AFTER INSERT OR UPDATE OR DELETE ON follow_up
           FOR EACH ROW EXECUTE FUNCTION follow_up_habit_clear()`,
        )
        .execute(db);
    },
  };
}
