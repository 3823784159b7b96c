import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, signOut, unwrap } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { Me } from "../api/types.ts";
import { actingAccount } from "./acting-account.ts";

/** Who is signed in; null when nobody is. Offline, the service worker answers with the last known session. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET("/api/auth/me"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        // The shared account is not ours any more (the share was revoked): back to the member's own.
        if (error instanceof ApiError && error.status === 404 && actingAccount.get()) {
          actingAccount.clear();
          return await unwrap(api.GET("/api/auth/me"));
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useAccount() {
  return useQuery({ queryKey: ["account"], queryFn: () => unwrap(api.GET("/api/account")) });
}

/** What is shared with a coach (null scope: everything); the shell hides what the server would refuse. */
export function useMyAccess() {
  const me = useMe().data;
  return useQuery({
    queryKey: ["access", me?.accountId],
    enabled: Boolean(me),
    queryFn: () => unwrap(api.GET("/api/me/access")),
    staleTime: 60_000,
  });
}

/** A coach sees only what was shared (tagged contacts and/or the job search) and may only comment. */
export function useIsCoach(): boolean {
  return useMe().data?.role === "coach";
}

/** A viewer (a coach or partner) reads only; pages hide what they cannot do. */
export function useCanEdit(): boolean {
  const me = useMe().data;
  return me?.role === "owner" || me?.role === "editor";
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await signOut();
    actingAccount.clear();
    // The last today list and session are kept for offline reading; they must not outlive the session.
    if ("caches" in globalThis) await caches.delete("kith-data");
    client.clear();
    client.setQueryData(["me"], null);
  };
}
