import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { ROLES, type Role } from "../api/types.ts";
import { useMe } from "../app/session.ts";
import { Alert, Button, Field, Select } from "../ui/controls.tsx";
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
      {isOwner && <AddMember onAdded={refresh} />}
    </Section>
  );
}

function AddMember({ onAdded }: { onAdded: () => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const add = useMutation({
    mutationFn: () => unwrap(api.POST("/api/account/members", { body: { email: email.trim(), role } })),
    onSuccess: () => {
      setEmail("");
      onAdded();
    },
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <Field
        label="Add a member by email"
        name="memberEmail"
        type="email"
        value={email}
        onChange={setEmail}
        description="They must have signed up already."
        error={err?.fieldError("email") ?? (err ? describeError(err) : undefined)}
      />
      <Select label="Role" value={role} options={ROLE_OPTIONS} onChange={(r) => setRole(r as Role)} />
      <Button type="submit" isDisabled={add.isPending || !email.trim()}>
        Add member
      </Button>
    </form>
  );
}
