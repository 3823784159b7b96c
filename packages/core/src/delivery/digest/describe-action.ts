import type { Deps } from "../../ports/index.ts";
import type { ActionClaim } from "../schemas.ts";

export interface ActionDescription {
  /** The question the link's page asks before anything is done. */
  question: string;
  /** Whom the link is about (null for unsubscribe, or a contact deleted since the digest went out). */
  contactName: string | null;
}

/**
 * What a one-click link of the digest is about, in words, naming the contact: the page it opens asks before it acts
 * (a mail scanner's fetch must change nothing) and should say whom "done" is for. The signed link is the authority,
 * as for the act itself.
 */
export async function describeDigestAction(deps: Deps, claim: ActionClaim): Promise<ActionDescription> {
  const contact = claim.contactId ? await deps.store.contacts.findById(claim.accountId, claim.contactId) : null;
  const name = contact?.displayName ?? null;
  switch (claim.purpose) {
    case "unsubscribe":
      return { question: "Stop the digest emails?", contactName: null };
    case "done":
      return {
        question: name
          ? `Mark the follow-up with ${name} done and log the touch?`
          : "Mark this follow-up done and log the touch?",
        contactName: name,
      };
    case "snooze-week":
      return { question: name ? `Snooze ${name} for a week?` : "Snooze this follow-up for a week?", contactName: name };
  }
}
