import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { pendingInvitation } from "./pending-invitation.ts";
import { ssoErrorInWords } from "./sso-words.ts";

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
