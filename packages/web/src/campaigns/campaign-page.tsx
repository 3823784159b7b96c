import { useState } from "react";
import { Link, useParams } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { useOnline } from "../ui/online.ts";
import { Loading, Page, Section } from "../ui/page.tsx";
import { type Recipient, useCampaign, useCampaignActions } from "./campaign-queries.ts";

const STATUS_WORDS: Record<Recipient["status"], string> = {
  pending: "Waiting",
  sending: "Sending…",
  sent: "Sent",
  "marked-sent": "Marked sent",
  skipped: "Removed",
  failed: "Failed",
  unknown: "Unknown: check your Sent folder",
};

function RecipientCard(props: { r: Recipient; campaignId: string; mode: "email" | "self"; canEdit: boolean }) {
  const { r } = props;
  const actions = useCampaignActions(props.campaignId);
  const online = useOnline();
  const [line, setLine] = useState(r.personalLine);
  const busy = !online || Object.values(actions).some((a) => a.isPending);
  const error = [actions.edit, actions.remove, actions.markSent, actions.retry].find((a) => a.isError)?.error;
  const open = r.status === "pending" || r.status === "failed" || r.status === "unknown";
  return (
    <li className="card stack-sm" aria-label={r.displayName}>
      <div className="row">
        <strong>{r.displayName}</strong>
        <span className="muted">{r.email ?? "no email address"}</span>
        <span className={`badge badge-${r.status}`}>{STATUS_WORDS[r.status]}</span>
      </div>
      {r.reason && <p className="muted small">{r.reason}</p>}
      <p className="small">
        <strong>{r.subject}</strong>
      </p>
      <pre className="draft-body small">{r.body}</pre>
      {props.canEdit && r.status === "pending" && (
        <div className="row">
          <Field
            className="campaign-line"
            label="Personal line"
            name={`line-${r.contactId}`}
            value={line}
            onChange={setLine}
          />
          <Button
            isDisabled={busy || line === r.personalLine}
            onPress={() => actions.edit.mutate({ contactId: r.contactId, personalLine: line })}
          >
            Save line
          </Button>
        </div>
      )}
      {props.canEdit && open && (
        <div className="row">
          <Button
            tone={props.mode === "self" ? "primary" : "plain"}
            isDisabled={busy}
            onPress={() => actions.markSent.mutate(r.contactId)}
          >
            {r.status === "unknown" ? "It's in my Sent folder" : "Mark sent"}
          </Button>
          {props.mode === "email" && r.status !== "pending" && (
            <Button isDisabled={busy} onPress={() => actions.retry.mutate(r.contactId)}>
              Send again
            </Button>
          )}
          {(r.status === "pending" || r.status === "failed") && (
            <Button tone="quiet" isDisabled={busy} onPress={() => actions.remove.mutate(r.contactId)}>
              Remove
            </Button>
          )}
        </div>
      )}
      {error && <Alert>{describeError(error)}</Alert>}
    </li>
  );
}

export default function CampaignPage() {
  const { id = "" } = useParams<{ id: string }>();
  const campaign = useCampaign(id);
  const canEdit = useCanEdit();
  const actions = useCampaignActions(id);
  const online = useOnline();
  const c = campaign.data;
  const done = c ? c.counts.sent + c.counts.markedSent : 0;
  const of = c ? c.counts.total - c.counts.skipped : 0;
  return (
    <Page title={c?.name ?? "Campaign"} actions={<Link href="/campaigns">All campaigns</Link>}>
      {campaign.isPending && <Loading />}
      {campaign.isError && <Alert>{describeError(campaign.error)}</Alert>}
      {c && (
        <>
          <Section title="Progress">
            <p aria-live="polite">
              {c.status === "draft"
                ? "Not sent yet"
                : c.status === "sending"
                  ? "Sending…"
                  : c.status === "sent"
                    ? "Sent"
                    : "Partly sent"}
              {` · ${done} of ${of} sent`}
              {c.counts.failed ? ` · ${c.counts.failed} failed` : ""}
              {c.counts.unknown ? ` · ${c.counts.unknown} unknown` : ""}
            </p>
            <progress className="campaign-progress" max={Math.max(of, 1)} value={done} aria-label="Messages sent" />
            {canEdit && c.mode === "email" && c.status === "draft" && (
              <Button
                tone="primary"
                isDisabled={!online || actions.sendAll.isPending}
                onPress={() => actions.sendAll.mutate()}
              >
                Send all {c.counts.pending} from my email
              </Button>
            )}
            {actions.sendAll.isError && <Alert>{describeError(actions.sendAll.error)}</Alert>}
          </Section>
          <Section title="Messages">
            <ul className="stack campaign-recipients">
              {c.recipients.map((r) => (
                <RecipientCard
                  key={`${r.contactId}:${r.personalLine}`}
                  r={r}
                  campaignId={c.id}
                  mode={c.mode}
                  canEdit={canEdit}
                />
              ))}
            </ul>
          </Section>
        </>
      )}
    </Page>
  );
}
