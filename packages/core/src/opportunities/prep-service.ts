import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { requireJobSearchReader } from "../shares/scope.ts";
import { lockedOpportunity } from "./opportunity-service.ts";
import {
  createQuestionSchema,
  type InterviewPrep,
  type InterviewQuestion,
  interviewPrepInputSchema,
  updateQuestionSchema,
} from "./schemas.ts";

const EMPTY_PREP: InterviewPrep = { researchNotes: "", questions: [], peopleToMeet: [], updatedAt: null };

/** An opportunity's interview prep: questions and answers, research notes, people to meet (empty until saved). */
export async function getInterviewPrep(deps: Deps, actor: Actor, opportunityId: string): Promise<InterviewPrep> {
  requireJobSearchReader(actor);
  if (!(await deps.store.opportunities.exists(actor.accountId, opportunityId)))
    throw notFound("opportunity", opportunityId);
  return (await deps.store.interviewPrep.getPrep(actor.accountId, opportunityId)) ?? EMPTY_PREP;
}

/**
 * Replaces an opportunity's interview prep (editor). A question taken from the bank names it (`questionId`, a
 * question of this account); a person to meet may be a contact of this account.
 */
export async function putInterviewPrep(
  deps: Deps,
  actor: Actor,
  opportunityId: string,
  input: unknown,
): Promise<InterviewPrep> {
  requireRole(actor, "editor");
  const data = parseInput(interviewPrepInputSchema, input);
  return deps.store.transaction(async (tx) => {
    await lockedOpportunity(tx, actor.accountId, opportunityId);
    for (const [i, q] of data.questions.entries())
      if (q.questionId && !(await tx.interviewPrep.findQuestion(actor.accountId, q.questionId)))
        throw invalid(`questions.${i}.questionId`, "no such question in the bank");
    for (const [i, p] of data.peopleToMeet.entries())
      if (p.contactId && !(await tx.contacts.findById(actor.accountId, p.contactId)))
        throw invalid(`peopleToMeet.${i}.contactId`, "no such contact");
    const prep = { ...data, updatedAt: deps.clock.now().toISOString() };
    await tx.interviewPrep.putPrep(actor.accountId, opportunityId, prep);
    return prep;
  });
}

export async function listInterviewQuestions(deps: Deps, actor: Actor): Promise<InterviewQuestion[]> {
  requireJobSearchReader(actor);
  return deps.store.interviewPrep.listQuestions(actor.accountId);
}

const uniqueTags = (tags: readonly string[]) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()];

/** Adds a question to the account's bank (editor), with a prepared answer and tags to find it again. */
export async function createInterviewQuestion(deps: Deps, actor: Actor, input: unknown): Promise<InterviewQuestion> {
  requireRole(actor, "editor");
  const data = parseInput(createQuestionSchema, input);
  const nowAt = deps.clock.now().toISOString();
  const question: InterviewQuestion = {
    id: deps.ids.newId(),
    question: data.question,
    answer: data.answer ?? "",
    tags: uniqueTags(data.tags ?? []),
    createdAt: nowAt,
    updatedAt: nowAt,
  };
  await deps.store.interviewPrep.insertQuestion(actor.accountId, question);
  return question;
}

export async function updateInterviewQuestion(
  deps: Deps,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<InterviewQuestion> {
  requireRole(actor, "editor");
  const patch = parseInput(updateQuestionSchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await tx.interviewPrep.findQuestion(actor.accountId, id);
    if (!current) throw notFound("interview question", id);
    const next: InterviewQuestion = {
      ...current,
      question: patch.question ?? current.question,
      answer: patch.answer ?? current.answer,
      tags: patch.tags ? uniqueTags(patch.tags) : current.tags,
      updatedAt: deps.clock.now().toISOString(),
    };
    await tx.interviewPrep.updateQuestion(actor.accountId, next);
    return next;
  });
}

export async function deleteInterviewQuestion(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  if (!(await deps.store.interviewPrep.deleteQuestion(actor.accountId, id))) throw notFound("interview question", id);
}
