import type { Page, PageQuery } from "../shared/pagination.ts";
import type { AccessScope, Role } from "./roles.ts";
import type { Account, ApiToken, Membership, UpdateAccountInput } from "./schemas.ts";

export interface AccountRepository {
  insert(account: Account & { settings: string }): Promise<void>;
  findById(accountId: string): Promise<(Account & { settings: string }) | null>;
  update(accountId: string, patch: UpdateAccountInput): Promise<void>;
  updateSettings(accountId: string, settingsJson: string): Promise<void>;
}

export interface MembershipRepository {
  insert(m: { accountId: string; userId: string; role: Role; createdAt: string }): Promise<void>;
  find(accountId: string, userId: string): Promise<Membership | null>;
  listForUser(userId: string): Promise<Membership[]>;
  /** Every member (accounts have a handful); the rules that need all of them use this. */
  listForAccount(accountId: string): Promise<Membership[]>;
  pageForAccount(accountId: string, page: PageQuery): Promise<Page<Membership>>;
  updateRole(accountId: string, userId: string, role: Role): Promise<void>;
  remove(accountId: string, userId: string): Promise<void>;
}

export interface UserDirectory {
  findByEmail(email: string): Promise<{ id: string; email: string; name: string } | null>;
  count(): Promise<number>;
  /** Whether the user proved they own their address (better-auth's email verification). */
  isEmailVerified(userId: string): Promise<boolean>;
  /** The user's signed-in sessions (better-auth's rows) that have not expired by `nowAt`, newest first. */
  listSessions(userId: string, nowAt: string): Promise<UserSession[]>;
  /** Ends one of the user's sessions; false when the user has no session with that id. */
  removeSession(userId: string, sessionId: string): Promise<boolean>;
  /** Ends every session of the user but `keepSessionId`; answers how many ended. */
  removeOtherSessions(userId: string, keepSessionId: string): Promise<number>;
  /**
   * Gives the user a new, verified address (its owner proved it by following a mailed link); false when another
   * user has it.
   */
  changeEmail(userId: string, email: string): Promise<boolean>;
}

/** A signed-in session as its owner sees it (never its token). */
export interface UserSession {
  id: string;
  userAgent: string | null;
  /** The client address the session was opened from. */
  address: string | null;
  createdAt: string;
  /** When the session was last renewed (better-auth renews it at most once a day). */
  lastSeenAt: string;
}

export interface ApiTokenRecord extends ApiToken {
  accountId: string;
  userId: string;
  tokenHash: string;
  revokedAt: string | null;
}

export interface ApiTokenRepository {
  insert(token: ApiTokenRecord): Promise<void>;
  /**
   * The unrevoked token with this hash and its holder's role in the token's account, read together (one round trip
   * per API request); null when there is none or its holder is no longer a member.
   */
  findActiveByHash(tokenHash: string): Promise<(ApiTokenRecord & { role: Role }) | null>;
  listForMember(accountId: string, userId: string, page: PageQuery): Promise<Page<ApiToken>>;
  revoke(accountId: string, userId: string, id: string, revokedAt: string): Promise<boolean>;
  touch(id: string, lastUsedAt: string): Promise<void>;
  /** Revokes every token of a member in the account (a revoked share must not come back with an old token). */
  revokeForMember(accountId: string, userId: string, revokedAt: string): Promise<void>;
}

/** An invitation as stored: only the hash of its token. */
export interface InvitationRecord {
  id: string;
  accountId: string;
  email: string;
  role: Role;
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** What a coach invitation shares (null for any other role). */
  scope: AccessScope | null;
}

export interface InvitationRepository {
  insert(invitation: InvitationRecord): Promise<void>;
  /** The account's invitations neither accepted, revoked nor expired by `nowAt`, newest first. */
  listPending(accountId: string, nowAt: string): Promise<InvitationRecord[]>;
  /** Revokes a pending invitation of the account; false when there is none with that id. */
  revoke(accountId: string, id: string, nowAt: string): Promise<boolean>;
  /** The invitation a token opens, whatever its account: the token is the invitee's only credential. */
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** Marks a still-pending invitation accepted; false when it was accepted or revoked meanwhile (single use). */
  markAccepted(accountId: string, id: string, userId: string, nowAt: string): Promise<boolean>;
}
