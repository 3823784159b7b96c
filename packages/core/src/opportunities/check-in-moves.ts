import type { EngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Repositories } from "../ports/index.ts";
import { checkInsMoved } from "./opportunity-rules.ts";

/**
 * A touch with people on opportunities that are interviewing moves their open check-ins to 7 days after it
 * (`checkInsMoved`). Called inside the transaction that logs (or edits) the touch, after the touched contacts'
 * derived state is written, so their last touch is the new one. The check-in's own contact (the recruiter or
 * hiring manager, who may not be the one touched) is held before its follow-up is changed.
 */
export async function moveCheckInsAfterTouch(
  tx: Repositories,
  ctx: EngineContext,
  contactIds: readonly string[],
): Promise<void> {
  if (contactIds.length === 0) return;
  const opportunityIds = await tx.opportunities.interviewingWith(ctx.accountId, contactIds);
  for (const opportunityId of opportunityIds) {
    const contacts = await tx.opportunities.contacts(ctx.accountId, opportunityId);
    const followUps = await tx.opportunities.followUps(ctx.accountId, opportunityId);
    const moves = checkInsMoved({
      nowAt: ctx.nowAt,
      timeZone: ctx.settings.engine.timeZone,
      stage: "interviewing",
      contacts,
      followUps: followUps.map(({ followUp: f, draftSlot }) => ({
        id: f.id,
        status: f.status,
        draftSlot,
        dueOn: f.dueOn,
        snoozedUntilOn: f.snoozedUntilOn,
      })),
    });
    if (moves.length === 0) continue;
    const moved = new Map(moves.map((m) => [m.id, m.dueOn]));
    const changed = followUps.map((f) => f.followUp).filter((f) => moved.has(f.id));
    await tx.contacts.lockExisting(
      ctx.accountId,
      changed.map((f) => f.contactId),
    );
    for (const f of changed) {
      await tx.followUps.update(ctx.accountId, {
        ...f,
        dueOn: moved.get(f.id) as string,
        status: "open",
        snoozedUntilOn: null,
        updatedAt: ctx.nowAt,
      });
    }
    await refreshContacts(
      tx,
      ctx,
      changed.map((f) => f.contactId),
      { mode: "stored" },
    );
  }
}
