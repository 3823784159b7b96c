import type { Answer } from "@kith/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { ROLES, type Role } from "../api/types.ts";
import { useMe } from "../app/session.ts";
import { Alert, Button, Field, Select } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";

const ROLE_OPTIONS = ROLES.map((r) => ({ id: r, label: r }));

export function MembersSection() {
  const me = useMe().data;
  const client = useQueryClient();
  const members = useQuery({ queryKey: ["members"], queryFn: () => unwrap(api.GET("/api/account/members")) });
  const refresh = () => client.invalidateQueries({ queryKey: ["members"] });
  const change = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(api.PATCH("/api/account/members/{userId}", { params: { path: { userId } }, body: { role } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE("/api/account/members/{userId}", { params: { path: { userId } } })),
    onSuccess: refresh,
  });
  const isOwner = me?.role === "owner";

  return (
    <Section title="Members">
      <p className="muted small">Owners administer, editors change contacts, viewers (a coach, a partner) only read.</p>
      {[members.error, change.error, remove.error].map(
        (e, i) =>
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of three error slots
          e && <Alert key={i}>{describeError(e)}</Alert>,
      )}
      <ul className="plain-list">
        {members.data?.items.map((m) => (
          <li key={m.userId} className="member-row">
            <div>
              <div className="strong">
                {m.name} {m.userId === me?.user.id && <span className="muted">(you)</span>}
              </div>
              <div className="muted small">{m.email}</div>
            </div>
            {isOwner ? (
              <div className="row">
                <Select
                  label={`Role of ${m.name}`}
                  className="label-hidden"
                  value={m.role}
                  options={ROLE_OPTIONS}
                  onChange={(role) => change.mutate({ userId: m.userId, role: role as Role })}
                />
                {m.userId !== me?.user.id && (
                  <Button tone="quiet" onPress={() => remove.mutate(m.userId)} aria-label={`Remove ${m.name}`}>
                    Remove
                  </Button>
                )}
              </div>
            ) : (
              <span className="badge">{m.role}</span>
            )}
          </li>
        ))}
      </ul>
      {isOwner && <Invitations />}
    </Section>
  );
}

type CreatedInvitation = Answer<"/api/account/invitations", "post">;

/** Long addresses and links break anywhere rather than widen a phone's page. */
const WRAP = { overflowWrap: "anywhere", minWidth: 0 } as const;

/** Owners invite by address; the link (mailed when the server can) is shown to copy, and pending ones listed. */
function Invitations() {
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const pending = useQuery({
    queryKey: ["invitations"],
    queryFn: () => unwrap(api.GET("/api/account/invitations")),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["invitations"] });
  const invite = useMutation({
    mutationFn: () => unwrap(api.POST("/api/account/invitations", { body: { email: email.trim(), role } })),
    onSuccess: (answer) => {
      setCreated(answer);
      setEmail("");
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/account/invitations/{id}", { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const err = invite.error instanceof ApiError ? invite.error : undefined;
  return (
    <div className="stack">
      {created && (
        <Alert tone="info">
          <p style={WRAP}>
            {created.mailed
              ? `Invitation mailed to ${created.invitation.email}. You can also pass on the link yourself`
              : `Send this link to ${created.invitation.email}`}{" "}
            (it works once, until {formatDate(created.invitation.expiresAt)}; it is shown only now):
            <br />
            <code className="token">{created.link}</code>
          </p>
          <Button tone="quiet" onPress={() => void navigator.clipboard?.writeText(created.link)}>
            Copy link
          </Button>
        </Alert>
      )}
      {revoke.error && <Alert>{describeError(revoke.error)}</Alert>}
      {(pending.data?.items.length ?? 0) > 0 && (
        <ul className="plain-list" aria-label="Pending invitations">
          {pending.data?.items.map((i) => (
            <li key={i.id} className="member-row">
              <div style={WRAP}>
                <div className="strong">{i.email}</div>
                <div className="muted small">
                  invited as {i.role} · until {formatDate(i.expiresAt)}
                </div>
              </div>
              <Button
                tone="quiet"
                onPress={() => revoke.mutate(i.id)}
                aria-label={`Revoke the invitation of ${i.email}`}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label="Invite a member"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Field
          label="Invite by email"
          name="memberEmail"
          type="email"
          value={email}
          onChange={(value) => {
            setEmail(value);
            if (invite.isError) invite.reset();
          }}
          description="They accept with a link, signed in with this address (or after signing up)."
          error={err?.fieldError("email") ?? (err ? describeError(err) : undefined)}
        />
        <Select label="Role" value={role} options={ROLE_OPTIONS} onChange={(r) => setRole(r as Role)} />
        <Button type="submit" isDisabled={invite.isPending || !email.trim()}>
          Invite
        </Button>
      </form>
    </div>
  );
}
