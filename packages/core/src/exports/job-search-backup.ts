import type { Actor } from "../accounts/roles.ts";
import type { DraftSlot } from "../messages/schemas.ts";
import { TEMPLATE_SLOTS } from "../messages/schemas.ts";
import { THREAD_MAX } from "../opportunities/comment-schemas.ts";
import type { OpportunityRecord } from "../opportunities/opportunity-port.ts";
import type { InterviewQuestion, JobExpense } from "../opportunities/schemas.ts";
import type { Deps } from "../ports/index.ts";
import type { Backup } from "./backup-schema.ts";
import { numbered } from "./numbered-rows.ts";

type OpportunityDetails = Pick<
  Backup["opportunities"][number],
  "contacts" | "stageHistory" | "interviews" | "prep" | "comments"
>;

/** The job search's lists of a backup, and what the follow-ups need to name their opportunity and slot. */
export interface JobSearchRefs {
  interviewQuestions: Backup["interviewQuestions"];
  opportunities: Backup["opportunities"];
  jobExpenses: Backup["jobExpenses"];
  opportunityById: ReadonlyMap<string, string>;
  /** Follow-up id → the template slot a stage rule gave it. */
  draftSlots: ReadonlyMap<string, DraftSlot>;
}

const isSlot = (slot: string | null): slot is DraftSlot =>
  slot !== null && (TEMPLATE_SLOTS as readonly string[]).includes(slot);

const questionBody = ({ id: _id, createdAt, ...q }: InterviewQuestion) => ({ createdAt, ...q });

/**
 * The interview question bank, the opportunities (each with its contacts and roles, stage history, interviews and
 * prep, in refs) and the expenses, numbered by content like every other list of a backup.
 */
export async function refsOfJobSearch(
  deps: Deps,
  actor: Actor,
  people: { contactById: ReadonlyMap<string, string>; companyById: ReadonlyMap<string, string> },
): Promise<JobSearchRefs> {
  const { accountId } = actor;
  const contactRef = (id: string) => people.contactById.get(id) ?? "";
  const questionRows = await deps.store.interviewPrep.listQuestions(accountId);
  const questions = numbered("question", questionRows, questionBody);
  const questionById = new Map(questionRows.map((q) => [q.id, questions.refOf(q)]));
  const records = await deps.store.opportunities.all(accountId);
  const draftSlots = new Map<string, DraftSlot>();
  const details = new Map<string, OpportunityDetails>();
  for (const o of records) {
    const [contacts, stageHistory, interviews, prep, followUps, comments] = await Promise.all([
      deps.store.opportunities.contacts(accountId, o.id),
      deps.store.opportunities.stageHistory(accountId, o.id),
      deps.store.opportunities.interviews(accountId, o.id),
      deps.store.interviewPrep.getPrep(accountId, o.id),
      deps.store.opportunities.followUps(accountId, o.id),
      deps.store.opportunityComments.list(accountId, o.id, THREAD_MAX),
    ]);
    for (const f of followUps) if (isSlot(f.draftSlot)) draftSlots.set(f.followUp.id, f.draftSlot);
    details.set(o.id, {
      contacts: contacts
        .map((c) => ({ contactRef: contactRef(c.contactId), role: c.role, addedAt: c.addedAt }))
        .sort((a, b) => (a.contactRef < b.contactRef ? -1 : a.contactRef > b.contactRef ? 1 : 0)),
      stageHistory: stageHistory.map(({ id: _id, ...s }) => s),
      interviews: interviews.map((i) => ({
        ...{ startsAt: i.startsAt, timeZone: i.timeZone, kind: i.kind },
        ...{ contactRefs: i.contactIds.map(contactRef), notes: i.notes, heldAt: i.heldAt },
      })),
      prep: prep?.updatedAt
        ? {
            researchNotes: prep.researchNotes,
            questions: prep.questions.map((q) => ({
              question: q.question,
              answer: q.answer,
              questionRef: q.questionId ? (questionById.get(q.questionId) ?? null) : null,
            })),
            peopleToMeet: prep.peopleToMeet.map((p) => ({
              name: p.name,
              contactRef: p.contactId ? (people.contactById.get(p.contactId) ?? null) : null,
              note: p.note,
            })),
            updatedAt: prep.updatedAt,
          }
        : null,
      comments: comments.map((c) => ({ authorName: c.authorName, body: c.body, createdAt: c.createdAt })),
    });
  }
  const none: OpportunityDetails = { contacts: [], stageHistory: [], interviews: [], prep: null, comments: [] };
  const opportunities = numbered("opportunity", records, ({ id, companyId, createdAt, ...o }: OpportunityRecord) => ({
    createdAt,
    companyRef: companyId ? (people.companyById.get(companyId) ?? null) : null,
    ...o,
    ...(details.get(id) ?? none),
  }));
  const opportunityById = new Map(records.map((o) => [o.id, opportunities.refOf(o)]));
  const expenseRows = await deps.store.jobExpenses.list(accountId, "0000-01-01", "9999-12-31");
  const expenses = numbered("expense", expenseRows, ({ id: _id, opportunityId, createdAt, ...e }: JobExpense) => ({
    createdAt,
    ...e,
    opportunityRef: opportunityId ? (opportunityById.get(opportunityId) ?? null) : null,
  }));
  return {
    interviewQuestions: questions.out,
    opportunities: opportunities.out,
    jobExpenses: expenses.out,
    opportunityById,
    draftSlots,
  };
}
