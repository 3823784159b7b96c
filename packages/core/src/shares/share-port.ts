import type { AccessScope } from "../accounts/roles.ts";
import type { AccessDay } from "./schemas.ts";

/** A coach's scope and every shared member's access log (`member_scope`, `member_access_day`). */
export interface ShareRepository {
  findScope(accountId: string, userId: string): Promise<AccessScope | null>;
  putScope(accountId: string, userId: string, scope: AccessScope, updatedAt: string): Promise<void>;
  deleteScope(accountId: string, userId: string): Promise<void>;
  /** Counts one request on `dayOn` (adds one, or starts the day: then true), keeping first and last instants. */
  recordAccess(accountId: string, userId: string, dayOn: string, at: string): Promise<boolean>;
  /** Forgets the member's log before `beforeOn`. */
  pruneAccess(accountId: string, userId: string, beforeOn: string): Promise<void>;
  /** The member's log, newest day first, at most `limit` days. */
  accessLog(accountId: string, userId: string, limit: number): Promise<AccessDay[]>;
  /** Each member's last request in the account (members without one are absent). */
  lastSeen(accountId: string): Promise<Map<string, string>>;
  deleteAccess(accountId: string, userId: string): Promise<void>;
}
