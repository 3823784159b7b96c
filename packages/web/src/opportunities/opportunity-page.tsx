import { type FormEvent, useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { describeError } from "../api/problem.ts";
import { useAccount, useCanEdit, useIsCoach } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Modal } from "../ui/modal.tsx";
import { Loading, Page, Section } from "../ui/page.tsx";
import { CommentsSection } from "./comments-section.tsx";
import { InterviewsSection } from "./interviews-section.tsx";
import { formatSalary } from "./money.ts";
import { OpportunityContactsSection } from "./opportunity-contacts-section.tsx";
import { OpportunityFollowUps } from "./opportunity-follow-ups.tsx";
import { draftOf, formError, inputOf, OpportunityFields } from "./opportunity-form.tsx";
import { useDeleteOpportunity, useMoveStage, useOpportunity, useUpdateOpportunity } from "./opportunity-queries.ts";
import type { OpportunityDetail, Stage } from "./opportunity-types.ts";
import { PrepSection } from "./prep-section.tsx";
import { EffectsNotice, MoveToMenu } from "./stage-controls.tsx";
import { describeEffects, isClosed, STAGE_LABELS } from "./stages.ts";

/** One opportunity: its details, stage and history, people, interviews, prep and follow-ups. */
export default function OpportunityPage() {
  const { id = "" } = useParams<{ id: string }>();
  const opportunity = useOpportunity(id);
  const timeZone = useAccount().data?.timeZone ?? "UTC";
  const canEdit = useCanEdit();
  const coach = useIsCoach();
  const move = useMoveStage();
  const [effects, setEffects] = useState<{ text: string; lines: string[] } | null>(null);
  const [editing, setEditing] = useState(false);

  if (opportunity.isPending) return <Loading />;
  if (opportunity.isError)
    return (
      <Page title="Opportunity">
        <Alert>{describeError(opportunity.error)}</Alert>
        <Link href="/jobs">Back to the board</Link>
      </Page>
    );
  const o = opportunity.data;
  const names = new Map(o.contacts.map((c) => [c.contactId, c.displayName]));
  const say = (text: string, answer: Parameters<typeof describeEffects>[0]) =>
    setEffects({ text, lines: describeEffects(answer, names) });
  const moveTo = (stage: Stage) =>
    move.mutate({ id: o.id, stage }, { onSuccess: (answer) => say(`Moved to ${STAGE_LABELS[stage]}.`, answer) });

  return (
    <Page
      title={o.title}
      lead={<Lead o={o} />}
      actions={
        canEdit && (
          <>
            <MoveToMenu title={o.title} from={o.stage} onMove={moveTo} className="btn btn-primary" />
            <Button onPress={() => setEditing(true)}>Edit</Button>
          </>
        )
      }
    >
      <div className="stack-lg">
        <EffectsNotice notice={effects} />
        {move.isError && <Alert>{describeError(move.error)}</Alert>}
        <div className="job-grid">
          <div className="stack-lg min-0">
            <InterviewsSection opportunity={o} timeZone={timeZone} onHeld={(answer) => say("Marked held.", answer)} />
            {!coach && <OpportunityFollowUps opportunity={o} />}
            <PrepSection opportunity={o} />
          </div>
          <div className="stack-lg min-0">
            <OpportunityContactsSection opportunity={o} />
            <CommentsSection opportunityId={o.id} />
            <StageHistory o={o} />
            {o.notes && (
              <Section title="Notes">
                <p className="pre-line">{o.notes}</p>
              </Section>
            )}
            {canEdit && <DeleteOpportunity o={o} />}
          </div>
        </div>
      </div>
      {editing && <EditOpportunity o={o} onClose={() => setEditing(false)} />}
    </Page>
  );
}

function Lead({ o }: { o: OpportunityDetail }) {
  const salary = formatSalary(o.salaryMin, o.salaryMax, o.salaryCurrency);
  const where = [o.location, o.remote ? "remote" : null].filter(Boolean).join(", ");
  return (
    <>
      {o.companyId ? <Link href={`/companies/${o.companyId}`}>{o.companyName}</Link> : o.companyName}
      {" · "}
      <span className={`badge${isClosed(o.stage) ? " badge-muted" : ""}`}>{STAGE_LABELS[o.stage]}</span>
      {` since ${formatDate(o.stageOn)}`}
      {salary && ` · ${salary}`}
      {where && ` · ${where}`}
      {o.source && ` · via ${o.source}`}
      {o.link && (
        <>
          {" · "}
          <a href={o.link} target="_blank" rel="noreferrer noopener">
            The posting
          </a>
        </>
      )}
    </>
  );
}

function StageHistory({ o }: { o: OpportunityDetail }) {
  return (
    <Section title="Stage history">
      <ol className="plain-list stage-history">
        {[...o.stageHistory].reverse().map((h) => (
          <li key={h.id} className="follow-up">
            <span>
              {h.fromStage ? `${STAGE_LABELS[h.fromStage]} → ` : ""}
              <span className="strong">{STAGE_LABELS[h.stage]}</span>
            </span>
            <span className="muted small">{formatDate(h.changedOn)}</span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function EditOpportunity({ o, onClose }: { o: OpportunityDetail; onClose: () => void }) {
  const [draft, setDraft] = useState(draftOf(o));
  const save = useUpdateOpportunity(o.id);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(inputOf(draft), { onSuccess: onClose });
  };
  return (
    <Modal title="Edit the opportunity" isOpen onOpenChange={(open) => !open && onClose()}>
      <form className="stack" onSubmit={onSubmit} aria-label="Edit the opportunity">
        <OpportunityFields
          draft={draft}
          set={(part) => {
            setDraft((d) => ({ ...d, ...part }));
            if (save.isError) save.reset();
          }}
          error={save.error}
        />
        {formError(save.error) && <Alert>{formError(save.error)}</Alert>}
        <div className="row end">
          <Button tone="quiet" onPress={onClose}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" isDisabled={save.isPending || !draft.title.trim()}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function DeleteOpportunity({ o }: { o: OpportunityDetail }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteOpportunity(o.id);
  const [, navigate] = useLocation();
  if (!asking)
    return (
      <div>
        <Button tone="quiet" onPress={() => setAsking(true)}>
          Delete this opportunity…
        </Button>
      </div>
    );
  return (
    <div className="callout stack-sm">
      <p>Delete “{o.title}”? Its follow-ups stay with the people, no longer tied to it.</p>
      <div className="row">
        <Button
          tone="danger"
          isDisabled={remove.isPending}
          onPress={() => remove.mutate(undefined, { onSuccess: () => navigate("/jobs") })}
        >
          Delete
        </Button>
        <Button tone="quiet" onPress={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
      {remove.isError && <Alert>{describeError(remove.error)}</Alert>}
    </div>
  );
}
