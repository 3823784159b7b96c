import type { Actor } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { requireJobSearchShared } from "../shares/scope.ts";
import { createCommentSchema, type OpportunityComment, THREAD_MAX } from "./comment-schemas.ts";

/**
 * Comments on an opportunity (issue #16): any member of the account writes them — a coach too, the one thing a coach
 * may write, and only where the job search is shared with them. A comment is kept as written (no edit).
 */
async function openThread(deps: Deps, actor: Actor, opportunityId: string) {
  requireJobSearchShared(actor);
  const found = await deps.store.opportunities.find(actor.accountId, opportunityId);
  if (!found) throw notFound("opportunity", opportunityId);
}

export async function listOpportunityComments(
  deps: Deps,
  actor: Actor,
  opportunityId: string,
): Promise<{ items: OpportunityComment[] }> {
  await openThread(deps, actor, opportunityId);
  return { items: await deps.store.opportunityComments.list(actor.accountId, opportunityId, THREAD_MAX) };
}

export async function addOpportunityComment(
  deps: Deps,
  actor: Actor,
  opportunityId: string,
  input: unknown,
): Promise<OpportunityComment> {
  const { body } = parseInput(createCommentSchema, input);
  await openThread(deps, actor, opportunityId);
  const author = await deps.store.memberships.find(actor.accountId, actor.userId);
  const comment: OpportunityComment = {
    id: deps.ids.newId(),
    opportunityId,
    authorId: actor.userId,
    authorName: author?.name || author?.email || "",
    body,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.opportunities.find(actor.accountId, opportunityId))) throw notFound("opportunity", opportunityId);
    if ((await tx.opportunityComments.count(actor.accountId, opportunityId)) >= THREAD_MAX) {
      throw conflict(`this opportunity has ${THREAD_MAX} comments, the most a thread keeps`);
    }
    await tx.opportunityComments.insert(actor.accountId, comment);
  });
  return comment;
}
