import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { AuthCard } from "./auth-card.tsx";
import { pendingInvitation } from "./pending-invitation.ts";
import { rememberSignedIn } from "./returning.ts";
import { SsoPart } from "./sso-part.tsx";

export default function SignUpPage() {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notSignedIn, setNotSignedIn] = useState(false);
  const [, navigate] = useLocation();
  const client = useQueryClient();

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const invitationToken = pendingInvitation.get() ?? undefined;
      await unwrap(api.POST("/api/auth/sign-up/email", { body: { name, email, password, timeZone, invitationToken } }));
      // A sign-up answers alike whether or not the address has an account. A new one comes back signed in when
      // the server sends no mail (or it was invited); otherwise the mailed link confirms the address and signs in.
      const me = await unwrap(api.GET("/api/auth/me")).catch(() => null);
      client.setQueryData(["me"], me);
      if (!me) {
        setNotSignedIn(true);
        return;
      }
      rememberSignedIn();
      navigate(pendingInvitation.get() ? "/invite" : "/welcome");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const shownInline = ["name", "email", "password"].some((f) => fieldError(f));
  return (
    <AuthCard
      title="Create your account"
      lead="Kith tells you whom to follow up with today, why, and what to say."
      onSubmit={submit}
      // A person the provider knows needs no password here: the same button makes their account.
      before={<SsoPart next={undefined} error={null} description={null} />}
    >
      {error !== null && !shownInline && <Alert>{describeError(error)}</Alert>}
      {notSignedIn && (
        <Alert tone="info">
          Check your inbox at {email.trim()}. If the address is new, a message there has a link that confirms it and
          signs you in (it works for 24 hours). If the address already has an account, sign in with it instead.{" "}
          <Link href="/sign-in">Sign in</Link>
        </Alert>
      )}
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        value={name}
        onChange={setName}
        error={fieldError("name")}
        isRequired
        autoFocus
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={fieldError("email")}
        isRequired
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        description="At least 10 characters, any you like; not a common password, not your email."
        value={password}
        onChange={setPassword}
        error={fieldError("password")}
        isRequired
        minLength={10}
      />
      <Button type="submit" tone="primary" isDisabled={busy}>
        {busy ? "Creating…" : "Create account"}
      </Button>
      <p className="muted center">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthCard>
  );
}
