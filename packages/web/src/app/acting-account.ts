/**
 * The account this browser acts in when it is not the member's own: an account shared with them (a coach or
 * partner, issue #16) after they accept its invitation. Sent as `X-Kith-Account` on every API call; cleared on
 * sign-out, by "Back to my own account", and when the server no longer knows the membership (a revoked share).
 */
const KEY = "kith.actingAccount";

export const actingAccount = {
  get(): string | null {
    try {
      return globalThis.localStorage?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  },
  set(accountId: string): void {
    try {
      globalThis.localStorage?.setItem(KEY, accountId);
    } catch {
      // storage refused (private mode): the member stays in their own account
    }
  },
  clear(): void {
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // nothing kept
    }
  },
};
