import { useEffect, useState } from "react";
import { describeError } from "../api/problem.ts";
import type { DigestFrequency, NotifyStatus, NotifyTestResult } from "../api/types.ts";
import { useAccount } from "../app/session.ts";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { deliveryKindLabel, deliveryPeriodLabel, deliveryState } from "./delivery-labels.ts";
import { EmailVerificationPart } from "./email-verification-part.tsx";
import { useNotifyStatus, useSaveNotifySettings, useSendTestDigest } from "./notify-queries.ts";
import { WebhooksPart } from "./webhooks-part.tsx";

const FREQUENCIES: { id: DigestFrequency; label: string }[] = [
  { id: "daily", label: "Every day" },
  { id: "weekly", label: "Weekly, on the first day" },
  { id: "off", label: "Off" },
];

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  id: String(hour),
  label: new Date(2000, 0, 1, hour).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" }),
}));

/**
 * How reminders reach you. Each channel is one part with its own h3: the email digest (schedule, test), webhooks
 * (`webhooks-part.tsx`), replying to act (`email-verification-part.tsx`), then the recent deliveries of every
 * channel; the calendar feed has its own section.
 */
export function NotificationsSection() {
  const status = useNotifyStatus();
  return (
    <Section title="Notifications">
      <p className="muted small">
        Kith emails you the today list: whom to follow up with, why, and a suggested message, with one-click “done” and
        “snooze” links. It goes out only when something is due.
      </p>
      {status.isPending && <Loading />}
      {status.isError && <Alert>{describeError(status.error)}</Alert>}
      {status.data && (
        <>
          {!status.data.emailConfigured && (
            <Alert tone="info">
              <span>
                This server cannot send email yet: its administrator has not set up SMTP (<code>SMTP_HOST</code>). Your
                schedule is kept and applies as soon as mail is set up.
              </span>
            </Alert>
          )}
          <DigestSchedule status={status.data} />
          <TestDigest />
          <WebhooksPart />
          <EmailVerificationPart />
          <RecentDeliveries status={status.data} />
        </>
      )}
    </Section>
  );
}

function DigestSchedule({ status }: { status: NotifyStatus }) {
  const account = useAccount().data;
  const isOwner = account?.role === "owner";
  const save = useSaveNotifySettings();
  const [digest, setDigest] = useState<DigestFrequency>(status.settings.digest);
  const [hour, setHour] = useState(String(status.settings.hour));
  useEffect(() => {
    setDigest(status.settings.digest);
    setHour(String(status.settings.hour));
  }, [status.settings]);

  return (
    <form
      className="stack part"
      aria-labelledby="digest-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ digest, hour: Number(hour) });
      }}
    >
      <h3 id="digest-heading">Email digest</h3>
      {save.isError && <Alert>{describeError(save.error)}</Alert>}
      {save.isSuccess && <Alert tone="info">Saved. {scheduleSentence(save.data.digest, save.data.hour)}</Alert>}
      <div className="grid-2">
        <NativeSelect
          label="Send the digest"
          name="digest"
          options={FREQUENCIES}
          value={digest}
          onChange={(v) => setDigest(v as DigestFrequency)}
          isDisabled={!isOwner}
        />
        <NativeSelect
          label="At"
          name="digestHour"
          options={HOURS}
          value={hour}
          onChange={setHour}
          isDisabled={!isOwner || digest === "off"}
          description={account ? `In the account's time zone (${account.timeZone.replaceAll("_", " ")}).` : undefined}
        />
      </div>
      {isOwner ? (
        <div className="row">
          <Button type="submit" tone="primary" isDisabled={save.isPending}>
            Save schedule
          </Button>
        </div>
      ) : (
        <p className="muted small">Only an owner can change when the digest goes out.</p>
      )}
    </form>
  );
}

function scheduleSentence(digest: DigestFrequency, hour: number): string {
  if (digest === "off") return "No digest will be sent.";
  // Weekly goes out on the first day of the account's week (Monday or Sunday, by its country).
  const at = HOURS[hour]?.label ?? `${hour}:00`;
  return digest === "daily" ? `The digest goes out every day at ${at}.` : `The digest goes out once a week at ${at}.`;
}

function TestDigest() {
  const send = useSendTestDigest();
  return (
    <section className="stack-sm part" aria-labelledby="test-heading">
      <h3 id="test-heading">Send me a test</h3>
      <p className="muted small">Today's digest, to your own address, now — to check that mail arrives.</p>
      <div className="row">
        <Button isDisabled={send.isPending} onPress={() => send.mutate()}>
          {send.isPending ? "Sending…" : "Send me a test"}
        </Button>
      </div>
      {send.isError && <Alert>The test was not sent: {describeError(send.error)}</Alert>}
      {send.data && <TestOutcome result={send.data} />}
    </section>
  );
}

function TestOutcome({ result }: { result: NotifyTestResult }) {
  const to = result.to.join(", ");
  if (result.status === "sent") return <Alert tone="info">Sent to {to}. Check your inbox.</Alert>;
  if (result.status === "failed")
    return (
      <Alert>
        The test to {to} failed: {result.error ?? "unknown error"}
      </Alert>
    );
  if (result.status === "skipped")
    return <Alert tone="info">Nothing was sent: {result.error ?? "nothing to send"}.</Alert>;
  return (
    <Alert tone="info">
      The mail server did not take the test yet{result.error ? ` (${result.error})` : ""}; Kith tries again, see below.
    </Alert>
  );
}

function RecentDeliveries({ status }: { status: NotifyStatus }) {
  return (
    <section className="stack-sm part" aria-labelledby="deliveries-heading">
      <h3 id="deliveries-heading">Recent deliveries</h3>
      {status.recent.length === 0 ? (
        <p className="muted small">Nothing sent yet.</p>
      ) : (
        <ul className="plain-list">
          {status.recent.map((d) => {
            const state = deliveryState(d);
            return (
              <li key={`${d.kind}-${d.period}`} className="member-row">
                <div className="min-0">
                  <div className="strong">
                    {deliveryKindLabel(d.kind)} <span className="muted">· {deliveryPeriodLabel(d.period)}</span>
                  </div>
                  {state.detail && <div className="muted small break">{state.detail}</div>}
                </div>
                <span className={`badge badge-${state.tone}`}>{state.label}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
