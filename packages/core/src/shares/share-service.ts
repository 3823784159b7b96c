import { createInvitation, type InvitationLinks } from "../accounts/invitations.ts";
import { type AccessScope, type Actor, requireRole } from "../accounts/roles.ts";
import type { Membership } from "../accounts/schemas.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { type AccessDay, createShareSchema, type Share, type ShareScope, updateShareSchema } from "./schemas.ts";
import { scopeOf } from "./scope.ts";

/** Days of access log kept per shared member. */
export const ACCESS_LOG_DAYS = 90;

/**
 * Coach and partner access (issue #16): the owner shares the account with a person, by the invitation link, as a
 * plain viewer (everything) or a coach (tagged contacts and/or the job search). Shares are the account's viewers and
 * coaches; changing the scope moves the role between the two; revoking removes the membership, its scope, its log
 * and its tokens in one transaction, so the very next request of that person in this account is refused.
 */
const isShared = (m: Membership) => m.role === "viewer" || m.role === "coach";

const roleFor = (scope: ShareScope) => (scope.kind === "everything" ? ("viewer" as const) : ("coach" as const));
const accessOf = (scope: ShareScope): AccessScope | null =>
  scope.kind === "everything" ? null : { tags: scope.tags, jobSearch: scope.jobSearch };

export async function inviteShare(deps: Deps, actor: Actor, links: InvitationLinks, input: unknown) {
  requireRole(actor, "owner");
  const data = parseInput(createShareSchema, input);
  return createInvitation(deps, actor, links, { email: data.email, role: roleFor(data.scope) }, accessOf(data.scope));
}

async function sharedMember(tx: Repositories, accountId: string, userId: string): Promise<Membership> {
  const m = await tx.memberships.find(accountId, userId);
  if (!m || !isShared(m)) throw notFound("share", userId);
  return m;
}

async function scopeOfMember(tx: Repositories, m: Membership): Promise<ShareScope> {
  if (m.role !== "coach") return { kind: "everything" };
  const scope = (await tx.shares.findScope(m.accountId, m.userId)) ?? { tags: [], jobSearch: false };
  return { kind: "scoped", tags: [...scope.tags], jobSearch: scope.jobSearch };
}

export async function listShares(deps: Deps, actor: Actor): Promise<{ items: Share[] }> {
  requireRole(actor, "owner");
  const members = (await deps.store.memberships.listForAccount(actor.accountId)).filter(isShared);
  const seen = await deps.store.shares.lastSeen(actor.accountId);
  const items: Share[] = [];
  for (const m of members) {
    items.push({
      userId: m.userId,
      email: m.email,
      name: m.name,
      scope: await scopeOfMember(deps.store, m),
      since: m.createdAt,
      lastSeenAt: seen.get(m.userId) ?? null,
    });
  }
  return { items };
}

export async function updateShare(deps: Deps, actor: Actor, userId: string, input: unknown): Promise<Share> {
  requireRole(actor, "owner");
  const { scope } = parseInput(updateShareSchema, input);
  const nowAt = deps.clock.now().toISOString();
  const m = await deps.store.transaction(async (tx) => {
    const found = await sharedMember(tx, actor.accountId, userId);
    const access = accessOf(scope);
    // Scope before role: a member turning coach is never a coach without a scope, even between the two writes.
    if (access) await tx.shares.putScope(actor.accountId, userId, access, nowAt);
    await tx.memberships.updateRole(actor.accountId, userId, roleFor(scope));
    if (!access) await tx.shares.deleteScope(actor.accountId, userId);
    return found;
  });
  const seen = await deps.store.shares.lastSeen(actor.accountId);
  return { userId, email: m.email, name: m.name, scope, since: m.createdAt, lastSeenAt: seen.get(userId) ?? null };
}

export async function revokeShare(deps: Deps, actor: Actor, userId: string): Promise<void> {
  requireRole(actor, "owner");
  const nowAt = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await sharedMember(tx, actor.accountId, userId);
    await tx.memberships.remove(actor.accountId, userId);
    await tx.shares.deleteScope(actor.accountId, userId);
    await tx.shares.deleteAccess(actor.accountId, userId);
    await tx.apiTokens.revokeForMember(actor.accountId, userId, nowAt);
    await tx.memberSmtp.delete(actor.accountId, userId);
    await tx.mailbox.delete(actor.accountId, userId);
  });
}

export async function shareAccessLog(deps: Deps, actor: Actor, userId: string): Promise<{ items: AccessDay[] }> {
  requireRole(actor, "owner");
  await sharedMember(deps.store, actor.accountId, userId);
  return { items: await deps.store.shares.accessLog(actor.accountId, userId, ACCESS_LOG_DAYS) };
}

/** What the member acting may see here: the web hides the rest. */
export async function myAccess(_deps: Deps, actor: Actor) {
  const scope = scopeOf(actor);
  return { role: actor.role, scope: scope ? { tags: [...scope.tags], jobSearch: scope.jobSearch } : null };
}

/**
 * Logs one request of a shared member (viewer or coach) in the account: a row per UTC day, the log's oldest days
 * forgotten as a new day starts. Owners' and editors' requests are not logged.
 */
export async function noteSharedAccess(deps: Deps, actor: Actor): Promise<void> {
  if (actor.role !== "viewer" && actor.role !== "coach") return;
  const now = deps.clock.now();
  const dayOn = now.toISOString().slice(0, 10);
  const startedDay = await deps.store.shares.recordAccess(actor.accountId, actor.userId, dayOn, now.toISOString());
  if (startedDay) {
    const before = new Date(now.getTime() - (ACCESS_LOG_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    await deps.store.shares.pruneAccess(actor.accountId, actor.userId, before);
  }
}
