import { useState } from "react";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { useAccount, useCanEdit, useIsCoach } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { Empty, Loading, Page } from "../ui/page.tsx";
import { AddOpportunityDialog } from "./add-opportunity-dialog.tsx";
import { useMoveStage, useOpportunityCount, useOpportunityFollowUps } from "./opportunity-queries.ts";
import { PipelineBoard } from "./pipeline-board.tsx";
import { EffectsNotice } from "./stage-controls.tsx";
import { describeEffects, STAGE_LABELS } from "./stages.ts";

/** The pipeline board: every opportunity by stage, a page per column; a move says which follow-ups it created. */
export default function JobsPage() {
  const count = useOpportunityCount();
  const followUps = useOpportunityFollowUps();
  const account = useAccount().data;
  const canEdit = useCanEdit();
  const coach = useIsCoach();
  const move = useMoveStage();
  const [adding, setAdding] = useState(false);
  const [moved, setMoved] = useState<{ text: string; lines: string[] } | null>(null);

  return (
    <Page
      title="Jobs"
      lead="Your opportunities, stage by stage. Drag a card to another stage, or use its “Move to…” menu."
      actions={
        <>
          {!coach && (
            <Link href="/jobs/targets" className="btn btn-plain">
              Target companies
            </Link>
          )}
          <Link href="/jobs/expenses" className="btn btn-plain">
            Expenses
          </Link>
          {canEdit && (
            <Button tone="primary" onPress={() => setAdding(true)}>
              Add an opportunity
            </Button>
          )}
        </>
      }
    >
      <div className="stack-lg">
        <EffectsNotice notice={moved} />
        {move.isError && <Alert>{describeError(move.error)}</Alert>}
        {count.isPending && <Loading />}
        {count.isError && <Alert>{describeError(count.error)}</Alert>}
        {count.data === 0 && (
          <Empty>
            <p className="strong">No opportunities yet.</p>
            <p className="muted">
              Add a job you are interested in: Kith shows who you know there, and reminds you of each thank-you and
              check-in along the way.
            </p>
          </Empty>
        )}
        {count.data !== undefined && count.data > 0 && (
          <PipelineBoard
            followUps={followUps.data ?? new Map()}
            timeZone={account?.timeZone ?? "UTC"}
            canEdit={canEdit}
            onMove={(o, stage) =>
              move.mutate(
                { id: o.id, stage },
                {
                  onSuccess: (answer) => {
                    const names = new Map(answer.opportunity.contacts.map((c) => [c.contactId, c.displayName]));
                    setMoved({
                      text: `Moved “${o.title}” to ${STAGE_LABELS[stage]}.`,
                      lines: describeEffects(answer, names),
                    });
                  },
                },
              )
            }
          />
        )}
      </div>
      {adding && <AddOpportunityDialog onClose={() => setAdding(false)} />}
    </Page>
  );
}
