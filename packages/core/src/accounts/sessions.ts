import { z } from "zod";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import type { Actor } from "./roles.ts";

/**
 * A member's signed-in sessions (browsers, devices), listed and ended by the member themselves. Sessions belong to
 * the user, not to an account: a session signed in to one account is signed in to all of the user's. Only a person
 * at a session acts here (a face refuses API tokens), so the session they act from is always known.
 */
export interface SessionActor extends Actor {
  readonly sessionId: string;
}

export const sessionSchema = z.object({
  id: z.string(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The session this request came from ("this device"). */
  current: z.boolean(),
});
export type SessionView = z.output<typeof sessionSchema>;

export async function listSessions(deps: Deps, actor: SessionActor): Promise<{ items: SessionView[] }> {
  const sessions = await deps.store.users.listSessions(actor.userId, deps.clock.now().toISOString());
  const items = sessions.map((s) => ({ ...s, current: s.id === actor.sessionId }));
  // This device first, then the others as the store ordered them (last seen first).
  items.sort((a, b) => Number(b.current) - Number(a.current));
  return { items };
}

/** Ends one of the member's own sessions (another user's id is not found, like any missing one). */
export async function signOutSession(deps: Deps, actor: SessionActor, sessionId: string): Promise<void> {
  const removed = await deps.store.transaction((tx) => tx.users.removeSession(actor.userId, sessionId));
  if (!removed) throw notFound("session", sessionId);
}

/** "Sign out everywhere else": every session of the member ends but the one they act from. */
export async function signOutOtherSessions(deps: Deps, actor: SessionActor): Promise<{ signedOut: number }> {
  const signedOut = await deps.store.transaction((tx) => tx.users.removeOtherSessions(actor.userId, actor.sessionId));
  return { signedOut };
}
