import { z } from "zod";
import type { Deps } from "../ports/index.ts";
import { conflict, DomainError, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import type { InvitationRecord } from "./account-ports.ts";
import { type AccessScope, type Actor, type Role, requireRole } from "./roles.ts";
import { accountEmailSchema, type Membership, roleSchema } from "./schemas.ts";

/**
 * Invitation by link: an owner never adds a registered user without their consent, and nobody learns from Kith
 * whether an address is registered. The owner invites an address with a role; Kith makes a single-use link with a
 * random token (only its hash is stored) that works for `INVITATION_TTL_DAYS`, mails it when it can and always shows
 * it to the owner to pass on. The invitee opens it, signs in or signs up with that address, and accepts.
 */
export const INVITATION_TTL_DAYS = 7;

export const createInvitationSchema = z.strictObject({
  email: accountEmailSchema,
  role: roleSchema,
});

export const invitationTokenSchema = z.strictObject({ token: z.string().min(1).max(200) });

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.output<typeof invitationSchema>;

export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  /** The link to pass on (shown once: only its hash is kept). */
  link: z.string(),
  /** Whether it was mailed to the address (only when this server has SMTP). */
  mailed: z.boolean(),
});

/** What the invitee sees before accepting. */
export const invitationPreviewSchema = z.object({
  accountName: z.string(),
  role: roleSchema,
  email: z.string(),
  invitedBy: z.string(),
  expiresAt: z.string(),
});

/** How a face turns a token into the link, and mails it when it can (null: no SMTP). */
export interface InvitationLinks {
  linkFor(token: string): string;
  mail:
    | ((message: { email: string; accountName: string; invitedBy: string; role: Role; link: string }) => Promise<void>)
    | null;
}

const viewOf = (r: InvitationRecord): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
});

/**
 * `scope` is what a coach invitation shares (`shares/share-service.ts` passes it); a coach is never invited without
 * one, so the plain invitation refuses the role.
 */
export async function createInvitation(
  deps: Deps,
  actor: Actor,
  links: InvitationLinks,
  input: unknown,
  scope: AccessScope | null = null,
) {
  requireRole(actor, "owner");
  const data = parseInput(createInvitationSchema, input);
  if ((data.role === "coach") !== (scope !== null)) {
    throw invalid("role", "a coach is invited under coach and partner access, with what is shared with them");
  }
  const email = data.email.trim().toLowerCase();
  const now = deps.clock.now();
  const token = deps.secrets.newToken("kinv_");
  const record: InvitationRecord = {
    id: deps.ids.newId(),
    accountId: actor.accountId,
    email,
    role: data.role,
    tokenHash: deps.secrets.hash(token),
    invitedBy: actor.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString(),
    acceptedAt: null,
    revokedAt: null,
    scope,
  };
  const { accountName, inviter } = await deps.store.transaction(async (tx) => {
    // The members are listed to the owner already, so saying one of them is a member reveals nothing new; whether
    // the address has signed up to Kith at all is never looked at.
    const members = await tx.memberships.listForAccount(actor.accountId);
    if (members.some((m) => m.email.toLowerCase() === email)) throw conflict(`${email} is already a member`);
    await tx.invitations.insert(record);
    const account = await tx.accounts.findById(actor.accountId);
    return {
      accountName: account?.name ?? "",
      inviter: members.find((m) => m.userId === actor.userId)?.name ?? "",
    };
  });
  const link = links.linkFor(token);
  let mailed = false;
  if (links.mail) {
    // The invitation stands even if the mail fails: the owner has the link to pass on.
    mailed = await links
      .mail({ email, accountName, invitedBy: inviter, role: data.role, link })
      .then(() => true)
      .catch(() => false);
  }
  return { invitation: viewOf(record), link, mailed };
}

export async function listInvitations(deps: Deps, actor: Actor): Promise<{ items: Invitation[] }> {
  requireRole(actor, "owner");
  const rows = await deps.store.invitations.listPending(actor.accountId, deps.clock.now().toISOString());
  return { items: rows.map(viewOf) };
}

export async function revokeInvitation(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "owner");
  const nowAt = deps.clock.now().toISOString();
  const revoked = await deps.store.transaction((tx) => tx.invitations.revoke(actor.accountId, id, nowAt));
  if (!revoked) throw notFound("invitation", id);
}

/**
 * Whether a sign-up for `email` carries a pending invitation to that very address (so a closed sign-up lets it in,
 * and it needs no mailed confirmation: the owner chose the address). Answers false for anything else, alike.
 */
export async function invitationAdmits(deps: Deps, token: string, email: string): Promise<boolean> {
  const found = await deps.store.invitations.findByTokenHash(deps.secrets.hash(token));
  const nowAt = deps.clock.now().toISOString();
  if (!found || found.acceptedAt || found.revokedAt || found.expiresAt <= nowAt) return false;
  return found.email === email.trim().toLowerCase();
}

/** The pending invitation a token opens, for the signed-in user it was made for. */
async function openInvitation(deps: Deps, userId: string, input: unknown) {
  const { token } = parseInput(invitationTokenSchema, input);
  const found = await deps.store.invitations.findByTokenHash(deps.secrets.hash(token));
  const nowAt = deps.clock.now().toISOString();
  if (!found || found.acceptedAt || found.revokedAt || found.expiresAt <= nowAt) {
    throw new DomainError("not_found", "this invitation link is not valid any more: ask for a new one", [
      { path: "token", message: "is unknown, used, revoked or expired" },
    ]);
  }
  const me = await userEmail(deps, userId);
  if (me.toLowerCase() !== found.email) {
    throw invalid("token", `this invitation is for ${found.email}: sign in with that address to accept it`);
  }
  return found;
}

async function userEmail(deps: Deps, userId: string): Promise<string> {
  const [membership] = await deps.store.memberships.listForUser(userId);
  return membership?.email ?? "";
}

export async function previewInvitation(deps: Deps, actor: Actor, input: unknown) {
  const found = await openInvitation(deps, actor.userId, input);
  const account = await deps.store.accounts.findById(found.accountId);
  const inviter = await deps.store.memberships.find(found.accountId, found.invitedBy);
  return {
    accountName: account?.name ?? "",
    role: found.role,
    email: found.email,
    invitedBy: inviter?.name ?? "",
    expiresAt: found.expiresAt,
  };
}

/** The invitee accepts: they become a member with the invited role, once (the link is then spent). */
export async function acceptInvitation(deps: Deps, actor: Actor, input: unknown): Promise<Membership> {
  const found = await openInvitation(deps, actor.userId, input);
  const nowAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    if (await tx.memberships.find(found.accountId, actor.userId)) throw conflict("you are a member of this account");
    if (!(await tx.invitations.markAccepted(found.accountId, found.id, actor.userId, nowAt))) {
      throw new DomainError("not_found", "this invitation link is not valid any more: ask for a new one", [
        { path: "token", message: "is unknown, used, revoked or expired" },
      ]);
    }
    await tx.memberships.insert({
      accountId: found.accountId,
      userId: actor.userId,
      role: found.role,
      createdAt: nowAt,
    });
    // A coach's scope is written with the membership, never after it: there is no moment of an unscoped coach.
    if (found.role === "coach") {
      await tx.shares.putScope(found.accountId, actor.userId, found.scope ?? { tags: [], jobSearch: false }, nowAt);
    }
    const me = await tx.memberships.find(found.accountId, actor.userId);
    if (!me) throw notFound("member", actor.userId);
    return me;
  });
}
