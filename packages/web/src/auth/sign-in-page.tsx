import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useSearchParams } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { AuthCard } from "./auth-card.tsx";
import { pendingInvitation } from "./pending-invitation.ts";
import { hasSignedInHere, rememberSignedIn } from "./returning.ts";
import { SsoPart } from "./sso-part.tsx";

/** The page to go on to: a path of this site only (`//host` would be another site). */
const localNext = (next: string | null): string | undefined =>
  next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : undefined;

export default function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const client = useQueryClient();

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST("/api/auth/sign-in/email", { body: { email, password } }));
      rememberSignedIn();
      await client.invalidateQueries({ queryKey: ["me"] });
      navigate(localNext(params.get("next")) ?? "/");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const invited = pendingInvitation.get() !== null;
  return (
    <AuthCard
      title="Sign in"
      lead={
        invited
          ? "Sign in with the address you were invited at to accept the invitation, or create an account with it."
          : hasSignedInHere()
            ? "Welcome back. Your people are waiting."
            : "Welcome to Kith. Sign in, or create an account below."
      }
      onSubmit={submit}
      before={
        <SsoPart
          next={localNext(params.get("next"))}
          error={params.get("error")}
          description={params.get("error_description")}
        />
      }
    >
      {error !== null && !fieldError("email") && !fieldError("password") && <Alert>{describeError(error)}</Alert>}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={fieldError("email")}
        isRequired
        autoFocus
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={fieldError("password")}
        isRequired
      />
      <Button type="submit" tone="primary" isDisabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
      <p className="muted center">
        New here? <Link href="/sign-up">Create an account</Link>
      </p>
    </AuthCard>
  );
}
