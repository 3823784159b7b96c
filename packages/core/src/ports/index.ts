import type { Role } from "../accounts/roles.ts";
import type { Account, ApiToken, Membership, UpdateAccountInput } from "../accounts/schemas.ts";
import type { CalendarFeedRepository } from "../calendar/ports.ts";
import type { Company } from "../companies/schemas.ts";
import type { Contact, ContactListQuery } from "../contacts/schemas.ts";
import type { DeliveryRepository, DigestReplyRepository } from "../delivery/ports.ts";
import type { WebhookRepository } from "../delivery/webhook-ports.ts";
import type { DueItem, FollowUpFact, HistorySummary } from "../engine/index.ts";
import type { FollowUp, FollowUpListQuery } from "../follow-ups/schemas.ts";
import type { ImportRepository } from "../imports/import-port.ts";
import type { DUE_BUCKETS } from "../insights/schemas.ts";
import type { Direction, Interaction } from "../interactions/schemas.ts";
import type { Page, PageQuery } from "../shared/pagination.ts";

export type DueBucket = (typeof DUE_BUCKETS)[number];

/**
 * Ports: every side effect the services need, as small interfaces. The store package implements the
 * repositories on Kysely (SQLite or PostgreSQL); tests and faces pass a clock and an id source.
 * Every repository method takes the accountId: scoping lives here, not in the callers' goodwill.
 */

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}

/** Random secrets and their one-way hashes (API tokens, feed URLs): kept out of core so core stays pure. */
export interface Secrets {
  newToken(prefix: string): string;
  hash(token: string): string;
}

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
}

export interface ApiTokenRecord extends ApiToken {
  accountId: string;
  userId: string;
  tokenHash: string;
  revokedAt: string | null;
}

export interface ApiTokenRepository {
  insert(token: ApiTokenRecord): Promise<void>;
  findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listForMember(accountId: string, userId: string, page: PageQuery): Promise<Page<ApiToken>>;
  revoke(accountId: string, userId: string, id: string, revokedAt: string): Promise<boolean>;
  touch(id: string, lastUsedAt: string): Promise<void>;
}

export interface ContactRepository {
  insert(accountId: string, contact: Contact): Promise<void>;
  update(accountId: string, contact: Contact): Promise<void>;
  findById(accountId: string, id: string): Promise<Contact | null>;
  /** Ids that exist in this account (archived ones included); used to validate references. */
  existingIds(accountId: string, ids: readonly string[]): Promise<Set<string>>;
  /** `connectionTarget` tells the progress filter where "connected" starts. */
  list(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number },
    page: PageQuery,
  ): Promise<Page<Contact>>;
  /** Privacy request: removes the contact, its follow-ups and its links to interactions. */
  hardDelete(accountId: string, id: string): Promise<boolean>;
  /** Contacts with the stored history summary the rules need. */
  engineInputs(accountId: string, ids: readonly string[]): Promise<{ contact: Contact; history: HistorySummary }[]>;
  /** Writes what the engine derived: touches, last touch, reply state, next due item (indexed by nextDueOn). */
  setDerivedState(
    accountId: string,
    id: string,
    state: { history: HistorySummary; due: DueItem | null },
  ): Promise<void>;
  /** Contacts whose stored due item may have changed by `todayOn` with no new event. */
  staleIds(accountId: string, todayOn: string, limit: number): Promise<string[]>;
  /** The stored due item of one contact. */
  dueItemOf(accountId: string, id: string): Promise<DueItem | null>;
  /**
   * The first `limit` due items in today-list order (priority, then due date, then id), read from an index, and
   * how many are due in all, counted up to `countUpTo` (`capped` when there are more). Contacts whose state had
   * aged must have been caught up first.
   */
  topDue(
    accountId: string,
    limit: number,
    countUpTo: number,
  ): Promise<{ items: DueItem[]; total: number; capped: boolean }>;
  /** Every contact id of the account, in pages (for a full rebuild). */
  idsAfter(accountId: string, afterId: string | null, limit: number): Promise<string[]>;
  /**
   * Unarchived contacts by when they fall due: before today, today, by the end of this week, within a month,
   * later, or not at all.
   */
  dueSpread(
    accountId: string,
    bounds: { todayOn: string; weekEndOn: string; monthEndOn: string },
  ): Promise<Partial<Record<DueBucket, number>>>;
  /** Marks every contact for recomputation (settings changed). */
  markAllStale(accountId: string): Promise<void>;
}

export interface DerivedState {
  history: HistorySummary;
  due: DueItem | null;
  /** Priority on the day computed, when due then; null otherwise. */
  priority: number | null;
  /** When to compute again with no new event (may be earlier than the item's own, e.g. tomorrow's priority). */
  recomputeOn: string | null;
}

export interface CompanyRepository {
  insert(accountId: string, company: Company): Promise<void>;
  update(accountId: string, company: Company): Promise<void>;
  findById(accountId: string, id: string): Promise<Company | null>;
  list(accountId: string, query: { target?: boolean }, page: PageQuery): Promise<Page<Company>>;
  delete(accountId: string, id: string): Promise<boolean>;
}

export interface InteractionRepository {
  insert(accountId: string, interaction: Interaction): Promise<void>;
  update(accountId: string, interaction: Interaction): Promise<void>;
  findById(accountId: string, id: string): Promise<Interaction | null>;
  delete(accountId: string, id: string): Promise<boolean>;
  list(accountId: string, query: { contactId?: string }, page: PageQuery): Promise<Page<Interaction>>;
  /**
   * Per period [fromAt, toAt): how many reach-outs it had — meaningful outbound or mutual interactions, and
   * follow-ups marked done without a logged interaction — counting no further than `cap`. One statement, each
   * period an index probe that stops at `cap`.
   */
  countReachOuts(
    accountId: string,
    periods: readonly { fromAt: string; toAt: string }[],
    cap: number,
  ): Promise<number[]>;
  /**
   * `countReachOuts` for past periods, from a stored copy while `key` (what the periods were computed from) is the
   * same and nothing dated before the latest period's end was written since; counted and stored otherwise.
   */
  pastReachOuts(
    accountId: string,
    key: string,
    periods: readonly { fromAt: string; toAt: string }[],
    cap: number,
  ): Promise<number[]>;
  /** Meaningful interactions (any direction) per period [fromAt, toAt). */
  countTouches(accountId: string, periods: readonly { fromAt: string; toAt: string }[]): Promise<number[]>;
  /** The contact's history in time order, for rules that read it (outreach and replies). */
  historyOf(
    accountId: string,
    contactId: string,
  ): Promise<{ occurredAt: string; direction: Direction; meaningful: boolean }[]>;
}

export interface FollowUpRepository {
  insert(accountId: string, followUp: FollowUp): Promise<void>;
  update(accountId: string, followUp: FollowUp): Promise<void>;
  findById(accountId: string, id: string): Promise<FollowUp | null>;
  list(accountId: string, query: FollowUpListQuery, page: PageQuery): Promise<Page<FollowUp>>;
  /** Open and snoozed follow-ups per contact, as the engine reads them. */
  openFacts(accountId: string, contactIds: readonly string[]): Promise<Map<string, FollowUpFact[]>>;
}

export interface Repositories {
  accounts: AccountRepository;
  memberships: MembershipRepository;
  users: UserDirectory;
  apiTokens: ApiTokenRepository;
  contacts: ContactRepository;
  companies: CompanyRepository;
  interactions: InteractionRepository;
  followUps: FollowUpRepository;
  deliveries: DeliveryRepository;
  digestReplies: DigestReplyRepository;
  webhooks: WebhookRepository;
  calendarFeeds: CalendarFeedRepository;
  imports: ImportRepository;
}

/** A unit of work: everything inside `fn` commits together or not at all. */
export interface Store extends Repositories {
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
}

export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  secrets: Secrets;
}
