const KEY = "kith-invitation";

/**
 * The token of an invitation link (`/invite#kinv_…`), kept for this tab while its reader signs in or signs up: the
 * fragment never reaches the server, and the address bar drops it as soon as it is read.
 */
export const pendingInvitation = {
  /** Keeps the token of an `/invite#…` address; called as the shell loads, before any redirect drops the fragment. */
  takeFromLocation(): void {
    if (typeof location === "undefined" || location.pathname !== "/invite") return;
    const token = location.hash.slice(1);
    if (!token) return;
    sessionStorage.setItem(KEY, token);
    history.replaceState(null, "", location.pathname + location.search);
  },
  get: (): string | null => sessionStorage.getItem(KEY),
  clear: (): void => sessionStorage.removeItem(KEY),
};
