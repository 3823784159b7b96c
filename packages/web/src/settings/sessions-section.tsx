import type { Answer } from "@kith/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { formatDateTime, plural } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";
import { SetPasswordPart } from "./set-password-part.tsx";
import { SsoLinkPart } from "./sso-link-part.tsx";

type Session = Answer<"/api/sessions", "get">["items"][number];

/** A readable name for a browser's user agent ("Firefox on Linux"); the raw string when nothing is recognised. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser =
    [
      ["Edg/", "Edge"],
      ["OPR/", "Opera"],
      ["Firefox/", "Firefox"],
      ["Chrome/", "Chrome"],
      ["Safari/", "Safari"],
    ].find(([mark]) => userAgent.includes(mark as string))?.[1] ?? null;
  const system =
    [
      ["Android", "Android"],
      ["iPhone", "iPhone"],
      ["iPad", "iPad"],
      ["Windows", "Windows"],
      ["Mac OS X", "macOS"],
      ["CrOS", "ChromeOS"],
      ["Linux", "Linux"],
    ].find(([mark]) => userAgent.includes(mark as string))?.[1] ?? null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

export function SessionsSection() {
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: () => unwrap(api.GET("/api/sessions")) });
  const refresh = () => client.invalidateQueries({ queryKey: ["sessions"] });
  const signOutOne = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/sessions/{id}", { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const signOutOthers = useMutation({
    mutationFn: () => unwrap(api.POST("/api/sessions/sign-out-others")),
    onSuccess: refresh,
  });
  const others = sessions.data?.items.filter((s) => !s.current) ?? [];
  // How this person signs in: one the provider signed up has no password to change until they set one.
  const signIn = useQuery({ queryKey: ["sso-link"], queryFn: () => unwrap(api.GET("/api/sso/link")) });

  return (
    <Section title="Sign-in and sessions">
      <EmailChangeOutcome />
      {signIn.data?.password === false ? (
        <SetPasswordPart provider={signIn.data.provider?.name ?? null} />
      ) : (
        <>
          <ChangePassword onChanged={refresh} />
          <ChangeEmail />
        </>
      )}
      <SsoLinkPart />
      <h3 className="strong">Where you are signed in</h3>
      {[sessions.error, signOutOne.error, signOutOthers.error].map(
        (e, i) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of three error slots
          e && <Alert key={i}>{describeError(e)}</Alert>,
      )}
      {signOutOthers.isSuccess && (
        <Alert tone="info">
          Signed out {plural(signOutOthers.data.signedOut, "other session")}. This one stays signed in.
        </Alert>
      )}
      <ul className="plain-list" aria-label="Sessions">
        {sessions.data?.items.map((s) => (
          <SessionRow key={s.id} session={s} onSignOut={() => signOutOne.mutate(s.id)} />
        ))}
      </ul>
      {others.length > 0 && (
        <div className="row">
          <Button onPress={() => signOutOthers.mutate()} isDisabled={signOutOthers.isPending}>
            Sign out everywhere else
          </Button>
        </div>
      )}
    </Section>
  );
}

function SessionRow({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const device = deviceOf(session.userAgent);
  return (
    <li className="member-row">
      <div style={{ overflowWrap: "anywhere", minWidth: 0 }}>
        <div className="strong">
          {device} {session.current && <span className="badge">this device</span>}
        </div>
        <div className="muted small">
          {session.address ?? "unknown address"} · signed in {formatDateTime(session.createdAt)} · last seen{" "}
          {formatDateTime(session.lastSeenAt)}
        </div>
      </div>
      {!session.current && (
        <Button tone="quiet" onPress={onSignOut} aria-label={`Sign out ${device} (${session.address ?? "unknown"})`}>
          Sign out
        </Button>
      )}
    </li>
  );
}

function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () => unwrap(api.POST("/api/password", { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent("");
      setNew("");
      onChanged();
    },
  });
  const err = change.error instanceof ApiError ? change.error : undefined;
  const inline = err?.fieldError("currentPassword") ?? err?.fieldError("newPassword");
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      {change.isError && !inline && <Alert>{describeError(change.error)}</Alert>}
      {change.isSuccess && <Alert tone="info">Password changed. Your other sessions were signed out.</Alert>}
      <div className="grid-2">
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(value) => {
            setCurrent(value);
            if (change.isError) change.reset();
          }}
          error={err?.fieldError("currentPassword")}
          isRequired
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(value) => {
            setNew(value);
            if (change.isError) change.reset();
          }}
          description="At least 10 characters; a phrase of a few words is easy to remember. Not a common password."
          error={err?.fieldError("newPassword")}
          isRequired
        />
      </div>
      <div className="row">
        <Button type="submit" isDisabled={change.isPending || !currentPassword || !newPassword}>
          Change password
        </Button>
      </div>
    </form>
  );
}

/** The answer of a followed confirmation link (`/settings?email=changed|taken`). */
function EmailChangeOutcome() {
  const [params] = useSearchParams();
  const outcome = params.get("email");
  if (outcome === "changed") {
    return <Alert tone="info">Your address is changed and confirmed. Your other sessions were signed out.</Alert>;
  }
  if (outcome === "taken") return <Alert>That address belongs to another account: nothing was changed.</Alert>;
  return null;
}

function ChangeEmail() {
  const [newEmail, setNewEmail] = useState("");
  const [currentPassword, setCurrent] = useState("");
  const change = useMutation({
    mutationFn: () => unwrap(api.POST("/api/email", { body: { newEmail: newEmail.trim(), currentPassword } })),
    onSuccess: () => {
      setNewEmail("");
      setCurrent("");
    },
  });
  const err = change.error instanceof ApiError ? change.error : undefined;
  const inline = err?.fieldError("newEmail") ?? err?.fieldError("currentPassword");
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    if (change.isError) change.reset();
  };
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      {change.isError && !inline && <Alert>{describeError(change.error)}</Alert>}
      {change.isSuccess && (
        <Alert tone="info">
          We sent a link to {change.data.sentTo}. Open it within 24 hours to move your account there; your other
          sessions will then be signed out.
        </Alert>
      )}
      <div className="grid-2">
        <Field
          label="New email address"
          name="newEmail"
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={edit(setNewEmail)}
          error={err?.fieldError("newEmail")}
          isRequired
        />
        <Field
          label="Password, to confirm"
          name="emailPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={edit(setCurrent)}
          error={err?.fieldError("currentPassword")}
          isRequired
        />
      </div>
      <div className="row">
        <Button type="submit" isDisabled={change.isPending || !newEmail.trim() || !currentPassword}>
          Change email
        </Button>
      </div>
    </form>
  );
}
