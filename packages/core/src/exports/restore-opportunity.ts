import type { Repositories } from "../ports/index.ts";
import type { CheckedRows } from "./restore-validate.ts";

/**
 * The id of an opportunity's part (a stage change, an interview) at a place (1, 2, …): derived within the
 * opportunity's own ref, so two opportunities' parts never share one. (A ref such as `opportunity-7-2` would give
 * every opportunity's second part the same number, told apart by the 4 hex digits of its hash only: a few hundred
 * opportunities collided.)
 */
export function opportunityPartId(
  id: (list: string, ref: string) => string,
  opportunityRef: string,
  part: "stageChanges" | "interviews",
  place: number,
): string {
  return id(`${part}:${opportunityRef}`, `${part}-${place}`);
}

/**
 * Writes one restored opportunity with its stage history, contacts, interviews, prep and comments (authors by name
 * only: they need not be members here). Ids derive from the
 * job and the opportunity's ref (`id`), its parts' from the ref and their place, so a resumed restore writes the same.
 */
export async function writeOpportunity(
  tx: Repositories,
  accountId: string,
  row: CheckedRows["opportunities"],
  id: (list: string, ref: string) => string,
): Promise<void> {
  const { ref, companyRef, contacts, stageHistory, interviews, prep, comments, ...o } = row;
  const opportunityId = id("opportunities", ref);
  await tx.opportunities.insert(accountId, {
    ...o,
    id: opportunityId,
    companyId: companyRef ? id("companies", companyRef) : null,
  });
  for (const [i, s] of stageHistory.entries())
    await tx.opportunities.addStageChange(accountId, opportunityId, {
      ...s,
      id: opportunityPartId(id, ref, "stageChanges", i + 1),
    });
  for (const c of contacts)
    await tx.opportunities.setContact(accountId, opportunityId, id("contacts", c.contactRef), c.role, c.addedAt);
  for (const [i, { contactRefs, ...interview }] of interviews.entries()) {
    const interviewId = opportunityPartId(id, ref, "interviews", i + 1);
    const contactIds = contactRefs.map((r) => id("contacts", r));
    await tx.opportunities.insertInterview(
      accountId,
      { ...interview, id: interviewId, opportunityId, contactIds },
      o.createdAt,
    );
  }
  if (prep) {
    await tx.interviewPrep.putPrep(accountId, opportunityId, {
      researchNotes: prep.researchNotes,
      questions: prep.questions.map((q) => ({
        question: q.question,
        answer: q.answer,
        questionId: q.questionRef ? id("interviewQuestions", q.questionRef) : null,
      })),
      peopleToMeet: prep.peopleToMeet.map((p) => ({
        name: p.name,
        contactId: p.contactRef ? id("contacts", p.contactRef) : null,
        note: p.note,
      })),
      updatedAt: prep.updatedAt,
    });
  }
  for (const [i, c] of comments.entries()) {
    await tx.opportunityComments.insert(accountId, {
      ...c,
      id: id("comments", `${ref}-${i + 1}`),
      opportunityId,
      authorId: null,
    });
  }
}
