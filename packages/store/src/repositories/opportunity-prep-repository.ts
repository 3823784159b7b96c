import type { InterviewPrep, InterviewPrepRepository, InterviewQuestion } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, InterviewQuestionTable } from "../schema.ts";
import { fromJson, toJson } from "./json.ts";

const toQuestion = (r: Selectable<InterviewQuestionTable>): InterviewQuestion => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  tags: fromJson<string[]>(r.tags, []),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Interview prep (one row per opportunity, its lists as JSON) and the account's question bank. */
export class KyselyInterviewPrepRepository implements InterviewPrepRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getPrep(accountId: string, opportunityId: string): Promise<InterviewPrep | null> {
    const r = await this.db
      .selectFrom("interview_prep")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .executeTakeFirst();
    if (!r) return null;
    return {
      researchNotes: r.research_notes,
      questions: fromJson<InterviewPrep["questions"]>(r.questions, []),
      peopleToMeet: fromJson<InterviewPrep["peopleToMeet"]>(r.people_to_meet, []),
      updatedAt: r.updated_at,
    };
  }

  async putPrep(accountId: string, opportunityId: string, prep: InterviewPrep & { updatedAt: string }): Promise<void> {
    const values = {
      research_notes: prep.researchNotes,
      questions: toJson(prep.questions),
      people_to_meet: toJson(prep.peopleToMeet),
      updated_at: prep.updatedAt,
    };
    await this.db
      .insertInto("interview_prep")
      .values({ opportunity_id: opportunityId, account_id: accountId, ...values })
      .onConflict((oc) =>
        oc.column("opportunity_id").doUpdateSet(values).where("interview_prep.account_id", "=", accountId),
      )
      .execute();
  }

  async listQuestions(accountId: string): Promise<InterviewQuestion[]> {
    const rows = await this.db
      .selectFrom("interview_question")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toQuestion);
  }

  async findQuestion(accountId: string, id: string): Promise<InterviewQuestion | null> {
    const r = await this.db
      .selectFrom("interview_question")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toQuestion(r) : null;
  }

  async insertQuestion(accountId: string, q: InterviewQuestion): Promise<void> {
    await this.db
      .insertInto("interview_question")
      .values({
        id: q.id,
        account_id: accountId,
        question: q.question,
        answer: q.answer,
        tags: toJson(q.tags),
        created_at: q.createdAt,
        updated_at: q.updatedAt,
      })
      .execute();
  }

  async updateQuestion(accountId: string, q: InterviewQuestion): Promise<void> {
    await this.db
      .updateTable("interview_question")
      .set({ question: q.question, answer: q.answer, tags: toJson(q.tags), updated_at: q.updatedAt })
      .where("account_id", "=", accountId)
      .where("id", "=", q.id)
      .execute();
  }

  async deleteQuestion(accountId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("interview_question")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }
}
