import type { Answer, Body } from "@kith/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Checkbox, Field, Select } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";

type Scope = Body<"/api/shares", "post">["scope"];
type Share = Answer<"/api/shares", "get">["items"][number];
type Created = Answer<"/api/shares", "post">;

const KIND_OPTIONS = [
  { id: "scoped", label: "Tagged contacts and/or the job search" },
  { id: "everything", label: "Everything (read-only)" },
];

const WRAP = { overflowWrap: "anywhere", minWidth: 0 } as const;

/** "job search, mentors" → the tags, trimmed, empty ones dropped. */
const tagsOf = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

export function describeScope(scope: Share["scope"]): string {
  if (scope.kind === "everything") return "everything, read-only";
  const parts = [
    scope.tags.length > 0 ? `contacts tagged ${scope.tags.map((t) => `“${t}”`).join(", ")}` : null,
    scope.jobSearch ? "the job search" : null,
  ].filter(Boolean);
  return parts.join(" and ");
}

/** What to share: everything, or tags and/or the job search. The server's field errors show beside the fields. */
function ScopeFields(props: {
  value: { kind: string; tags: string; jobSearch: boolean };
  onChange: (next: { kind: string; tags: string; jobSearch: boolean }) => void;
  error: ApiError | undefined;
  idPrefix: string;
}) {
  const { value, onChange, error } = props;
  return (
    <>
      <Select
        label="What to share"
        value={value.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => onChange({ ...value, kind })}
      />
      {value.kind === "scoped" && (
        <>
          <Field
            label="Contacts tagged"
            name={`${props.idPrefix}Tags`}
            value={value.tags}
            onChange={(tags) => onChange({ ...value, tags })}
            description="One or more tags, separated by commas: contacts carrying any of them are shared."
            error={error?.fieldError("scope.tags")}
          />
          <Checkbox isSelected={value.jobSearch} onChange={(jobSearch) => onChange({ ...value, jobSearch })}>
            The job search (opportunities, interviews, prep, expenses; they may comment)
          </Checkbox>
        </>
      )}
    </>
  );
}

const scopeFrom = (v: { kind: string; tags: string; jobSearch: boolean }): Scope =>
  v.kind === "everything" ? { kind: "everything" } : { kind: "scoped", tags: tagsOf(v.tags), jobSearch: v.jobSearch };

/**
 * Settings → Coach & partner access (owners): share the account by an invitation link, with everything or with
 * tagged contacts and/or the job search; see who has access, since when and when last seen; change what is shared;
 * read the access log; revoke (their next request is refused).
 */
export function SharesSection() {
  const client = useQueryClient();
  const shares = useQuery({ queryKey: ["shares"], queryFn: () => unwrap(api.GET("/api/shares")) });
  const [email, setEmail] = useState("");
  const [scope, setScope] = useState({ kind: "scoped", tags: "", jobSearch: true });
  const [created, setCreated] = useState<Created | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["shares"] });
  const invite = useMutation({
    mutationFn: () => unwrap(api.POST("/api/shares", { body: { email: email.trim(), scope: scopeFrom(scope) } })),
    onSuccess: (answer) => {
      setCreated(answer);
      setEmail("");
      void client.invalidateQueries({ queryKey: ["invitations"] });
    },
  });
  const err = invite.error instanceof ApiError ? invite.error : undefined;
  return (
    <Section title="Coach & partner access" id="shares">
      <p className="muted small">
        Share your network with a job-search coach or a partner. They see only what you share, read-only, and may
        comment on opportunities. You can change it or revoke it at any time.
      </p>
      {shares.error && <Alert>{describeError(shares.error)}</Alert>}
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
      {(shares.data?.items.length ?? 0) > 0 ? (
        <ul className="plain-list" aria-label="People with access">
          {shares.data?.items.map((s) => (
            <ShareRow key={s.userId} share={s} onChanged={refresh} />
          ))}
        </ul>
      ) : (
        shares.data && <p className="muted">Nobody has access yet.</p>
      )}
      <form
        className="stack"
        aria-label="Share with someone"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Field
          label="Their email"
          name="shareEmail"
          type="email"
          value={email}
          onChange={(value) => {
            setEmail(value);
            if (invite.isError) invite.reset();
          }}
          description="They accept with the link, signed in with this address (or after signing up)."
          error={err?.fieldError("email") ?? (err && !err.fieldError("scope") ? describeError(err) : undefined)}
        />
        <ScopeFields value={scope} onChange={setScope} error={err} idPrefix="invite" />
        <div>
          <Button type="submit" tone="primary" isDisabled={invite.isPending || !email.trim()}>
            Invite
          </Button>
        </div>
      </form>
    </Section>
  );
}

function ShareRow({ share, onChanged }: { share: Share; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [scope, setScope] = useState(() => ({
    kind: share.scope.kind as string,
    tags: share.scope.kind === "scoped" ? share.scope.tags.join(", ") : "",
    jobSearch: share.scope.kind === "scoped" ? share.scope.jobSearch : true,
  }));
  const path = { params: { path: { userId: share.userId } } };
  const update = useMutation({
    mutationFn: () => unwrap(api.PUT("/api/shares/{userId}", { ...path, body: { scope: scopeFrom(scope) } })),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/shares/{userId}", path)),
    onSuccess: onChanged,
  });
  const log = useQuery({
    queryKey: ["shares", share.userId, "access"],
    enabled: showLog,
    queryFn: () => unwrap(api.GET("/api/shares/{userId}/access", path)),
  });
  const who = share.name || share.email;
  const err = update.error instanceof ApiError ? update.error : undefined;
  return (
    <li className="stack share-row">
      <div className="member-row">
        <div style={WRAP}>
          <div className="strong">{who}</div>
          <div className="muted small">{share.email}</div>
          <div className="small">Sees {describeScope(share.scope)}</div>
          <div className="muted small">
            Since {formatDate(share.since)} ·{" "}
            {share.lastSeenAt ? `last seen ${formatDate(share.lastSeenAt)}` : "not seen yet"}
          </div>
        </div>
        <div className="row">
          <Button tone="quiet" onPress={() => setEditing(!editing)} aria-label={`Change what ${who} sees`}>
            Change
          </Button>
          <Button tone="quiet" onPress={() => setShowLog(!showLog)} aria-label={`Access log of ${who}`}>
            Log
          </Button>
          <Button tone="quiet" onPress={() => revoke.mutate()} aria-label={`Revoke the access of ${who}`}>
            Revoke
          </Button>
        </div>
      </div>
      {revoke.error && <Alert>{describeError(revoke.error)}</Alert>}
      {editing && (
        <form
          className="stack"
          aria-label={`What ${who} sees`}
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate();
          }}
        >
          <ScopeFields value={scope} onChange={setScope} error={err} idPrefix={`share${share.userId}`} />
          {err && !err.fieldError("scope") && <Alert>{describeError(err)}</Alert>}
          <div>
            <Button type="submit" isDisabled={update.isPending}>
              Save
            </Button>
          </div>
        </form>
      )}
      {showLog &&
        (log.data ? (
          log.data.items.length > 0 ? (
            <table className="small" aria-label={`Access log of ${who}`}>
              <thead>
                <tr>
                  <th scope="col">Day (UTC)</th>
                  <th scope="col">Requests</th>
                  <th scope="col">Last</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((d) => (
                  <tr key={d.dayOn}>
                    <td>{d.dayOn}</td>
                    <td>{d.reads}</td>
                    <td>{new Date(d.lastAt).toLocaleTimeString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted small">No access in the last 90 days.</p>
          )
        ) : (
          log.error && <Alert>{describeError(log.error)}</Alert>
        ))}
    </li>
  );
}
