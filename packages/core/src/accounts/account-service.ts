import type { Deps, Repositories } from "../ports/index.ts";
import { parseAccountSettings } from "../settings/account-settings.ts";
import { conflict, DomainError, invalid, notFound } from "../shared/errors.ts";
import { type Page, pageQuerySchema } from "../shared/pagination.ts";
import { parseInput } from "../shared/validate.ts";
import { type Actor, type Role, requireRole } from "./roles.ts";
import {
  ACCOUNT_NAME_MAX,
  type Account,
  createApiTokenSchema,
  type Membership,
  roleSchema,
  timeZoneSchema,
  updateAccountSchema,
} from "./schemas.ts";

/** "Ada's network", within the limit `updateAccountSchema` keeps (a backup of it must restore); else the name alone. */
function accountNameFor(userName: string): string {
  if (!userName) return "My network";
  const named = `${userName}'s network`;
  return named.length <= ACCOUNT_NAME_MAX ? named : userName.slice(0, ACCOUNT_NAME_MAX);
}

/**
 * Every new user gets an account of their own and is its owner. Called by the auth layer right after the
 * user row is created, in the same transaction where the driver allows it.
 */
export async function createAccountForUser(
  deps: Deps,
  tx: Repositories,
  user: { id: string; name: string },
  options: { timeZone?: string | undefined } = {},
): Promise<Account> {
  const timeZone = timeZoneSchema.safeParse(options.timeZone).success ? (options.timeZone as string) : "UTC";
  const nowAt = deps.clock.now().toISOString();
  const account: Account = {
    id: deps.ids.newId(),
    name: accountNameFor(user.name),
    timeZone,
    country: null,
    createdAt: nowAt,
  };
  await tx.accounts.insert({ ...account, settings: "{}" });
  await tx.memberships.insert({ accountId: account.id, userId: user.id, role: "owner", createdAt: nowAt });
  return account;
}

/** Resolves which account a signed-in user acts in: the one asked for, else their first membership. */
export async function resolveActor(deps: Deps, userId: string, accountId?: string): Promise<Actor> {
  if (accountId) {
    const m = await deps.store.memberships.find(accountId, userId);
    if (!m) throw notFound("account", accountId);
    return withScope(deps, { userId, accountId, role: m.role });
  }
  const [first] = await deps.store.memberships.listForUser(userId);
  if (!first) throw new DomainError("forbidden", "this user is not a member of any account");
  return withScope(deps, { userId, accountId: first.accountId, role: first.role });
}

/** A coach acts with their scope, read with their role on every request (a changed scope holds at once). */
async function withScope(deps: Deps, actor: Actor): Promise<Actor> {
  if (actor.role !== "coach") return actor;
  const scope = await deps.store.shares.findScope(actor.accountId, actor.userId);
  return { ...actor, scope: scope ?? { tags: [], jobSearch: false } };
}

export async function getAccount(deps: Deps, actor: Actor): Promise<Account & { role: Role }> {
  const found = await deps.store.accounts.findById(actor.accountId);
  if (!found) throw notFound("account", actor.accountId);
  const { settings: _settings, ...account } = found;
  return { ...account, role: actor.role };
}

/** Time zone and country move "today" and the holidays: the settings are re-validated and due state marked stale. */
export async function updateAccount(deps: Deps, actor: Actor, input: unknown) {
  requireRole(actor, "owner");
  const patch = parseInput(updateAccountSchema, input);
  await deps.store.transaction(async (tx) => {
    // Contacts before the account row, the order every writer takes them in (the store's row-locks.ts).
    await tx.dueState.markAllStale(actor.accountId);
    const current = await tx.accounts.findById(actor.accountId);
    if (!current) throw notFound("account", actor.accountId);
    const next = { ...current, ...patch };
    parseAccountSettings(next.settings, next);
    await tx.accounts.update(actor.accountId, patch);
  });
  return getAccount(deps, actor);
}

export async function listMembers(deps: Deps, actor: Actor, page: unknown = {}): Promise<Page<Membership>> {
  return deps.store.memberships.pageForAccount(actor.accountId, parseInput(pageQuerySchema, page));
}

export async function changeMemberRole(deps: Deps, actor: Actor, userId: string, role: unknown): Promise<void> {
  requireRole(actor, "owner");
  const next = parseInput(roleSchema, role);
  if (next === "coach") {
    throw invalid("role", "a coach's scope is set under coach and partner access (PUT /api/shares/{userId})");
  }
  await deps.store.transaction(async (tx) => {
    await assertNotLastOwner(tx, actor.accountId, userId, next);
    await tx.memberships.updateRole(actor.accountId, userId, next);
    await tx.shares.deleteScope(actor.accountId, userId);
  });
}

export async function removeMember(deps: Deps, actor: Actor, userId: string): Promise<void> {
  requireRole(actor, "owner");
  await deps.store.transaction(async (tx) => {
    await assertNotLastOwner(tx, actor.accountId, userId, null);
    await tx.memberships.remove(actor.accountId, userId);
    // What was the member's own in this account goes with them: their sending account and their mailbox (each
    // with its sealed password); what the mailbox logged stays, as the account's interactions.
    await tx.memberSmtp.delete(actor.accountId, userId);
    await tx.mailbox.delete(actor.accountId, userId);
    // A coach's scope and log go too, and every token the member made here (were they invited again, an old token
    // must not come back to life).
    await tx.shares.deleteScope(actor.accountId, userId);
    await tx.shares.deleteAccess(actor.accountId, userId);
    await tx.apiTokens.revokeForMember(actor.accountId, userId, deps.clock.now().toISOString());
  });
}

async function assertNotLastOwner(tx: Repositories, accountId: string, userId: string, nextRole: Role | null) {
  const members = await tx.memberships.listForAccount(accountId);
  const target = members.find((m) => m.userId === userId);
  if (!target) throw notFound("member", userId);
  const owners = members.filter((m) => m.role === "owner");
  if (target.role === "owner" && nextRole !== "owner" && owners.length === 1) {
    throw conflict("an account needs at least one owner");
  }
}

/** An API token acts as its member in one account. Only its hash is stored; the secret is shown once. */
export async function createApiToken(deps: Deps, actor: Actor, input: unknown) {
  const data = parseInput(createApiTokenSchema, input);
  const secret = deps.secrets.newToken("kith_");
  const record = {
    id: deps.ids.newId(),
    accountId: actor.accountId,
    userId: actor.userId,
    name: data.name,
    prefix: secret.slice(0, 12),
    tokenHash: deps.secrets.hash(secret),
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction((tx) => tx.apiTokens.insert(record));
  const { tokenHash: _h, accountId: _a, userId: _u, revokedAt: _r, ...visible } = record;
  return { ...visible, token: secret };
}

export async function listApiTokens(deps: Deps, actor: Actor, page: unknown = {}) {
  return deps.store.apiTokens.listForMember(actor.accountId, actor.userId, parseInput(pageQuerySchema, page));
}

export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  const nowAt = deps.clock.now().toISOString();
  const revoked = await deps.store.transaction((tx) => tx.apiTokens.revoke(actor.accountId, actor.userId, id, nowAt));
  if (!revoked) throw notFound("token", id);
}

const TOKEN_TOUCH_EVERY_MS = 60_000;

/** Token → actor, with the member's current role (a demoted member's tokens lose their power at once). */
export async function actorFromApiToken(deps: Deps, secret: string): Promise<Actor | null> {
  // The token and its holder's membership come back together: null when either is gone.
  const record = await deps.store.apiTokens.findActiveByHash(deps.secrets.hash(secret));
  if (!record) return null;
  // "Last used" is for people, to the minute: writing it on every request would make each read a durable write.
  const now = deps.clock.now();
  if (!record.lastUsedAt || now.getTime() - Date.parse(record.lastUsedAt) >= TOKEN_TOUCH_EVERY_MS) {
    await deps.store.apiTokens.touch(record.id, now.toISOString());
  }
  return withScope(deps, { userId: record.userId, accountId: record.accountId, role: record.role });
}
