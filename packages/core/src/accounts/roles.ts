import { forbidden } from "../shared/errors.ts";

/**
 * A `coach` is a viewer limited to a scope (issue #16): the contacts carrying some tags and/or the job search. It
 * ranks below a viewer, so every service that asks for a role refuses it, and the server refuses it every route not
 * on its short list (`server/src/shares/coach-routes.ts`).
 */
export const ROLES = ["owner", "editor", "viewer", "coach"] as const;
export type Role = (typeof ROLES)[number];

/** What a coach may see: contacts carrying any of `tags` (lower case, as stored), and the job search when `jobSearch`. */
export interface AccessScope {
  readonly tags: readonly string[];
  readonly jobSearch: boolean;
}

/** Who is acting, in which account. Built by a face from a session or an API token; every service takes one. */
export interface Actor {
  readonly userId: string;
  readonly accountId: string;
  readonly role: Role;
  /** A coach's scope, loaded with the actor (absent for every other role; a coach without one sees nothing). */
  readonly scope?: AccessScope;
}

const RANK: Record<Role, number> = { coach: -1, viewer: 0, editor: 1, owner: 2 };

/** Roles are enforced in services, not faces: a viewer (coach, partner) reads, an editor writes, an owner administers. */
export function requireRole(actor: Actor, needed: Role): void {
  if (RANK[actor.role] < RANK[needed]) {
    throw forbidden(`this needs the ${needed} role; you are a ${actor.role} of this account`);
  }
}

export const canWrite = (actor: Actor): boolean => RANK[actor.role] >= RANK.editor;
