import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { pendingInvitation } from "./pending-invitation.ts";

/**
 * "Sign in with <provider>" when the server has single sign-on (nothing otherwise), and in words why the last try
 * came back to this page (`?error=` from the provider or from Kith). The button asks the server for the provider's
 * address and sends the whole tab there; the provider sends it back to Kith, signed in, at `next`.
 */
export function SsoPart(props: { next: string | undefined; error: string | null; description: string | null }) {
  const settings = useQuery({
    queryKey: ["sso"],
    queryFn: () => unwrap(api.GET("/api/auth/sso")),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  // Nothing until the server said which provider it has: the words name it.
  if (settings.isPending) return null;
  const provider = settings.data?.provider ?? null;
  const name = provider?.name ?? "single sign-on";
  const comeBack = props.error ? ssoErrorInWords(props.error, props.description, name) : null;
  if (!provider) return comeBack ? <Alert>{comeBack}</Alert> : null;

  const start = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const token = pendingInvitation.get();
      const { url } = await unwrap(
        api.POST("/api/auth/sign-in/sso", {
          body: { ...(props.next ? { next: props.next } : {}), ...(token ? { invitationToken: token } : {}) },
        }),
      );
      window.location.assign(url);
    } catch (e) {
      setFailed(e);
      setBusy(false);
    }
  };

  return (
    <div className="auth-sso">
      {comeBack && failed === null && <Alert>{comeBack}</Alert>}
      {failed !== null && <Alert>{describeError(failed)}</Alert>}
      <Button tone="primary" onPress={start} isDisabled={busy}>
        {busy ? `Going to ${name}…` : `Sign in with ${name}`}
      </Button>
      <p className="auth-or">or with your password</p>
    </div>
  );
}

/** What an `?error=` the sign-in came back with means for the person, and what they can do. */
export function ssoErrorInWords(code: string, description: string | null, name: string): string {
  switch (code) {
    case "access_denied":
      return `${name} did not let Kith know who you are (the sign-in was cancelled or refused there), so you are not signed in.`;
    case "state_mismatch":
    case "state_not_found":
    case "invalid_state":
    case "state_security_mismatch":
      return `That sign-in could not be finished: it expired, or it came back to a different browser than the one that started it. Try again from this page.`;
    case "account_not_linked":
      return `Kith already has an account with this email address, and cannot tell it is yours: ${name} did not confirm the address, or the account never confirmed it here. Sign in with your password; once your address is confirmed (Settings), ${name} works too.`;
    case "SIGNUP_CLOSED":
    case "signup_disabled":
      return `This server only lets in people its owner invited. Ask them for an invitation, open its link, and sign in again.`;
    case "email_not_found":
      return `${name} did not tell Kith your email address. Its administrator has to allow the "email" scope for Kith.`;
    case "account_already_linked_to_different_user":
      return `This ${name} account already signs in to another Kith user.`;
    default:
      return `Signing in with ${name} failed${description ? `: ${description}` : ` (${code.replaceAll("_", " ")})`}. Try again, or sign in with your password.`;
  }
}
