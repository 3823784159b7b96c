import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { linkErrorInWords } from "../auth/sso-words.ts";
import { Alert, Button } from "../ui/controls.tsx";

/**
 * Settings' single sign-on: whether this person can sign in through the server's provider, and "Link <provider>"
 * when not (the way in for an address Kith never confirmed). Nothing when the server has no provider. The outcome
 * comes back in the address (`?sso=linked`, or `?error=`).
 */
export function SsoLinkPart() {
  const state = useQuery({ queryKey: ["sso-link"], queryFn: () => unwrap(api.GET("/api/sso/link")) });
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const provider = state.data?.provider;
  if (!provider) return null;
  const name = provider.name;
  const error = params.get("error");

  const link = async () => {
    setBusy(true);
    setFailed(null);
    try {
      const { url } = await unwrap(api.POST("/api/sso/link"));
      window.location.assign(url);
    } catch (e) {
      setFailed(e);
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <h3 className="strong">Single sign-on</h3>
      {params.get("sso") === "linked" && state.data?.linked && (
        <Alert tone="info">Linked: you can sign in with {name} now.</Alert>
      )}
      {error && <Alert>{linkErrorInWords(error, params.get("error_description"), name)}</Alert>}
      {failed !== null && <Alert>{describeError(failed)}</Alert>}
      {state.data?.linked ? (
        <p>{name} signs you in to this account.</p>
      ) : (
        <>
          <p className="muted">
            Sign in with {name} too: Kith joins it to this account when {name} confirms that the address is yours (the
            same address as here).
          </p>
          <div>
            <Button onPress={link} isDisabled={busy}>
              {busy ? `Going to ${name}…` : `Link ${name}`}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
