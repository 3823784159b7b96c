import { forbidden } from "../shared/errors.ts";

export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, in which account. Built by a face from a session or an API token; every service takes one. */
export interface Actor {
  readonly userId: string;
  readonly accountId: string;
  readonly role: Role;
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** Roles are enforced in services, not faces: a viewer (coach, partner) reads, an editor writes, an owner administers. */
export function requireRole(actor: Actor, needed: Role): void {
  if (RANK[actor.role] < RANK[needed]) {
    throw forbidden(`this needs the ${needed} role; you are a ${actor.role} of this account`);
  }
}

export const canWrite = (actor: Actor): boolean => RANK[actor.role] >= RANK.editor;
