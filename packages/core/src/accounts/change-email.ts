import { z } from "zod";
import type { Deps } from "../ports/index.ts";
import { accountEmailSchema } from "./schemas.ts";

/** A member asks to move their account to another address: proven by their password now, by a mailed link next. */
export const changeEmailSchema = z.strictObject({
  newEmail: accountEmailSchema,
  currentPassword: z.string().min(1).max(200),
});

/** What a confirmation link carries (signed by the face that made it). */
export interface EmailChange {
  userId: string;
  /** The session that asked: it stays signed in; every other session of the user ends. */
  sessionId: string;
  email: string;
}

/**
 * The new address's owner followed the link: the user gets the address, verified, and every other session of theirs
 * ends (the one that asked stays), in one transaction. `taken` when another user has the address by now (telling
 * the person who holds that mailbox reveals nothing to anyone else).
 */
export async function confirmEmailChange(deps: Deps, change: EmailChange): Promise<"changed" | "taken"> {
  return deps.store.transaction(async (tx) => {
    if (!(await tx.users.changeEmail(change.userId, change.email))) return "taken";
    await tx.users.removeOtherSessions(change.userId, change.sessionId);
    return "changed";
  });
}
