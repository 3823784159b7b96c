import { useEffect, useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Checkbox, Field } from "../ui/controls.tsx";
import { Loading } from "../ui/page.tsx";
import { mailboxCountWords } from "./sources-labels.ts";
import {
  type Mailbox,
  type MailboxInput,
  useDisconnectMailbox,
  useMailbox,
  useMailboxStatus,
  useSaveMailbox,
  useSyncMailbox,
  useTestMailbox,
} from "./sources-queries.ts";
import { SourceState } from "./sources-state.tsx";

interface Form {
  host: string;
  port: string;
  tls: boolean;
  user: string;
  password: string;
  folders: string;
  startOn: string;
}

const EMPTY: Form = { host: "", port: "993", tls: true, user: "", password: "", folders: "", startOn: "" };

const formOf = (m: Mailbox): Form => ({
  host: m.host,
  port: String(m.port),
  tls: m.tls,
  user: m.user,
  password: "",
  folders: m.folders.join(", "),
  startOn: m.startOn,
});

/** What the form sends: the password only when one is typed (the saved one is kept otherwise). */
function inputOf(f: Form): MailboxInput {
  const folders = f.folders
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const input: MailboxInput = { host: f.host.trim(), port: Number(f.port), tls: f.tls, user: f.user.trim(), folders };
  if (f.startOn) input.startOn = f.startOn;
  return f.password ? { ...input, password: f.password } : input;
}

/**
 * My mailbox (IMAP): the member's own, never shown to other members. The password is sealed on the server and never
 * comes back; its status says in words how the last sync went.
 */
export function MailboxPart({ canEdit }: { canEdit: boolean }) {
  const saved = useMailbox();
  const connected = Boolean(saved.data);
  const status = useMailboxStatus(connected);
  const save = useSaveMailbox();
  const test = useTestMailbox();
  const sync = useSyncMailbox();
  const disconnect = useDisconnectMailbox();
  const [form, setForm] = useState<Form>(EMPTY);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (saved.data !== undefined) setForm(saved.data ? formOf(saved.data) : EMPTY);
  }, [saved.data]);

  const error = save.error ?? test.error;
  const problem = error instanceof ApiError ? error : null;
  const fieldError = (name: string) => problem?.fieldError(name);
  const fieldNamed = ["host", "port", "tls", "user", "password", "folders", "startOn"].some((n) => fieldError(n));
  const set =
    <K extends keyof Form>(name: K) =>
    (value: Form[K]) => {
      setForm((f) => ({ ...f, [name]: value }));
      setNotice(null);
      if (save.isError) save.reset();
      if (test.isError || test.data) test.reset();
    };
  const s = status.data;

  return (
    <section className="stack-sm part" aria-labelledby="mailbox-heading">
      <h3 id="mailbox-heading">Your mailbox</h3>
      <p className="muted small">
        Kith reads the inbox and sent folder of your own mail account (IMAP) and logs each message to or from a contact
        as an email. Replies close the nudges they answer. Only you see this mailbox; the other members see the
        interactions, never the password or the messages' text.
      </p>
      {saved.isPending && <Loading />}
      {saved.isError && <Alert>{describeError(saved.error)}</Alert>}
      {connected && s && (
        <div className="stack-sm">
          <SourceState state={s.state} lastRunAt={s.lastRunAt} error={s.error} counts={mailboxCountWords(s.counts)} />
        </div>
      )}
      {!canEdit && <Alert tone="info">Only editors and owners can connect a mailbox.</Alert>}
      {canEdit && saved.data !== undefined && (
        <form
          className="stack-sm"
          aria-label="Your mailbox"
          onSubmit={(e) => {
            e.preventDefault();
            test.reset();
            save.mutate(inputOf(form), { onSuccess: () => setNotice("Saved. The first sync starts in a moment.") });
          }}
        >
          {error && !fieldNamed && <Alert>{describeError(error)}</Alert>}
          <div className="grid-2">
            <Field
              label="IMAP server"
              name="imapHost"
              value={form.host}
              onChange={set("host")}
              placeholder="imap.example.com"
              error={fieldError("host")}
            />
            <Field
              label="Port"
              name="imapPort"
              type="number"
              min={1}
              max={65535}
              value={form.port}
              onChange={set("port")}
              error={fieldError("port")}
            />
          </div>
          <Checkbox isSelected={form.tls} onChange={set("tls")}>
            Use TLS (port 993); off: STARTTLS on port 143
          </Checkbox>
          <div className="grid-2">
            <Field
              label="User name"
              name="imapUser"
              value={form.user}
              onChange={set("user")}
              autoComplete="off"
              error={fieldError("user")}
            />
            <Field
              label="App password"
              name="imapPassword"
              type="password"
              value={form.password}
              onChange={set("password")}
              autoComplete="new-password"
              description={
                saved.data?.passwordSet ? "A password is saved; type a new one to replace it." : "Never shown again."
              }
              error={fieldError("password")}
            />
          </div>
          <div className="grid-2">
            <Field
              label="Folders (optional)"
              name="imapFolders"
              value={form.folders}
              onChange={set("folders")}
              placeholder="INBOX, Sent"
              description="Empty: your inbox and sent folder."
              error={fieldError("folders")}
            />
            <Field
              label="Read mail from"
              name="imapStartOn"
              type="date"
              value={form.startOn}
              onChange={set("startOn")}
              description="Empty: the last 30 days."
              error={fieldError("startOn")}
            />
          </div>
          {notice && <Alert tone="info">{notice}</Alert>}
          {test.data &&
            (test.data.ok ? (
              <Alert tone="info">Connected and signed in: your mailbox is ready.</Alert>
            ) : (
              <Alert>The test failed: {test.data.error}</Alert>
            ))}
          {(sync.error ?? disconnect.error) && <Alert>{describeError(sync.error ?? disconnect.error)}</Alert>}
          <div className="row">
            <Button type="submit" tone="primary" isDisabled={save.isPending}>
              {save.isPending ? "Saving…" : connected ? "Save" : "Connect"}
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
            {connected && (
              <Button isDisabled={sync.isPending || s?.state === "syncing"} onPress={() => sync.mutate()}>
                Sync now
              </Button>
            )}
            {connected && !confirming && (
              <Button tone="quiet" onPress={() => setConfirming(true)}>
                Disconnect
              </Button>
            )}
          </div>
          {confirming && (
            <fieldset className="rows-field">
              <legend>Disconnect your mailbox</legend>
              <p className="small">What about the emails it logged?</p>
              <div className="row">
                <Button
                  isDisabled={disconnect.isPending}
                  onPress={() => disconnect.mutate(true, { onSuccess: () => setConfirming(false) })}
                >
                  Keep them
                </Button>
                <Button
                  tone="danger"
                  isDisabled={disconnect.isPending}
                  onPress={() => disconnect.mutate(false, { onSuccess: () => setConfirming(false) })}
                >
                  Remove them
                </Button>
                <Button tone="quiet" onPress={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </fieldset>
          )}
        </form>
      )}
    </section>
  );
}
