import type { DraftSlot } from "../messages/schemas.ts";

/**
 * The template slot of the ask "who do you know at X?" drafted to the best first person: someone who works at X
 * themselves is asked about it from the inside — their team, who to talk to, a referral (`ask-insider`) — not
 * whether they know anyone there; anyone else is asked who they know (`ask`).
 */
export function whoDoYouKnowSlot(askTo: { companyId: string | null }, companyId: string): DraftSlot {
  return askTo.companyId === companyId ? "ask-insider" : "ask";
}
