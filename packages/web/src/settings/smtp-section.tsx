import { useEffect, useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import {
  type MemberSmtp,
  type MemberSmtpInput,
  useMemberSmtp,
  useRemoveMemberSmtp,
  useSaveMemberSmtp,
  useTestMemberSmtp,
} from "./smtp-queries.ts";

const SECURITY = [
  { id: "starttls", label: "STARTTLS (port 587)" },
  { id: "tls", label: "TLS (port 465)" },
  { id: "none", label: "None (this machine only)" },
];

interface Form {
  host: string;
  port: string;
  security: MemberSmtpInput["security"];
  user: string;
  password: string;
  fromName: string;
  fromAddress: string;
}

const EMPTY: Form = {
  host: "",
  port: "587",
  security: "starttls",
  user: "",
  password: "",
  fromName: "",
  fromAddress: "",
};

const formOf = (s: MemberSmtp): Form => ({ ...s, port: String(s.port), password: "" });

/** What the form sends: the password only when one is typed (otherwise the saved one is kept). */
function inputOf(f: Form): MemberSmtpInput {
  const input: MemberSmtpInput = {
    host: f.host.trim(),
    port: Number(f.port),
    security: f.security,
    user: f.user.trim(),
    fromName: f.fromName,
    fromAddress: f.fromAddress.trim(),
  };
  return f.password ? { ...input, password: f.password } : input;
}

/**
 * "Send from your own email": the member's own SMTP account, so a message sent from Kith comes from their address
 * (never from Kith's). The password is sealed on the server and never comes back: the form says whether one is saved.
 */
export function SmtpSection() {
  const saved = useMemberSmtp();
  const canEdit = useCanEdit();
  const save = useSaveMemberSmtp();
  const test = useTestMemberSmtp();
  const remove = useRemoveMemberSmtp();
  const [form, setForm] = useState<Form>(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (saved.data !== undefined) setForm(saved.data ? formOf(saved.data) : EMPTY);
  }, [saved.data]);

  const error = save.error ?? test.error;
  const problem = error instanceof ApiError ? error : null;
  const fieldError = (name: keyof Form) => problem?.fieldError(name);
  const fieldNamed = Object.keys(EMPTY).some((name) => fieldError(name as keyof Form));
  const set = (name: keyof Form) => (value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    setNotice(null);
    if (save.isError) save.reset();
    if (test.isError || test.data) test.reset();
  };
  const passwordSet = saved.data?.passwordSet ?? false;

  return (
    <Section title="Send from your own email" id="smtp">
      <p className="small">
        Messages you send from Kith go out through your own mail account, from your address, and land in your
        conversation with each person. Kith logs each one as a touch.
      </p>
      <p className="muted small">
        Use your provider's SMTP server (many need an app password). The password is encrypted on the server and never
        shown again.
      </p>
      {saved.isPending && <Loading />}
      {saved.isError && <Alert>{describeError(saved.error)}</Alert>}
      {!canEdit && <Alert tone="info">Only editors and owners can send messages from Kith.</Alert>}
      {canEdit && saved.data !== undefined && (
        <form
          className="stack-sm"
          aria-label="Your mail account"
          onSubmit={(e) => {
            e.preventDefault();
            test.reset();
            save.mutate(inputOf(form), { onSuccess: () => setNotice("Saved.") });
          }}
        >
          {error && !fieldNamed && <Alert>{describeError(error)}</Alert>}
          <div className="grid-2">
            <Field
              label="SMTP server"
              name="smtpHost"
              value={form.host}
              onChange={set("host")}
              placeholder="smtp.example.com"
              error={fieldError("host")}
            />
            <Field
              label="Port"
              name="smtpPort"
              type="number"
              min={1}
              max={65535}
              value={form.port}
              onChange={set("port")}
              error={fieldError("port")}
            />
            <NativeSelect
              label="Security"
              name="smtpSecurity"
              options={SECURITY}
              value={form.security}
              onChange={(value) => set("security")(value)}
              error={fieldError("security")}
            />
          </div>
          <div className="grid-2">
            <Field
              label="User name"
              name="smtpUser"
              value={form.user}
              onChange={set("user")}
              autoComplete="off"
              description="Often your email address; empty if the server takes mail without signing in."
              error={fieldError("user")}
            />
            <Field
              label="Password"
              name="smtpPassword"
              type="password"
              value={form.password}
              onChange={set("password")}
              autoComplete="new-password"
              description={passwordSet ? "A password is saved; type a new one to replace it." : undefined}
              error={fieldError("password")}
            />
          </div>
          <div className="grid-2">
            <Field
              label="From name"
              name="smtpFromName"
              value={form.fromName}
              onChange={set("fromName")}
              placeholder="Ada Lovelace"
              error={fieldError("fromName")}
            />
            <Field
              label="From address"
              name="smtpFromAddress"
              value={form.fromAddress}
              onChange={set("fromAddress")}
              inputMode="email"
              placeholder="you@example.com"
              error={fieldError("fromAddress")}
            />
          </div>
          {notice && <Alert tone="info">{notice}</Alert>}
          {test.data &&
            (test.data.ok ? (
              <Alert tone="info">Connected and signed in: your mail server is ready.</Alert>
            ) : (
              <Alert>The test failed: {test.data.error}.</Alert>
            ))}
          {remove.error && <Alert>{describeError(remove.error)}</Alert>}
          <div className="row">
            <Button type="submit" tone="primary" isDisabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
            <Button
              isDisabled={test.isPending}
              onPress={() => {
                save.reset();
                setNotice(null);
                test.mutate(inputOf(form));
              }}
            >
              {test.isPending ? "Connecting…" : "Test connection"}
            </Button>
            {saved.data && (
              <Button
                tone="quiet"
                isDisabled={remove.isPending}
                onPress={() => remove.mutate(undefined, { onSuccess: () => setNotice("Removed.") })}
              >
                Remove
              </Button>
            )}
          </div>
        </form>
      )}
    </Section>
  );
}
