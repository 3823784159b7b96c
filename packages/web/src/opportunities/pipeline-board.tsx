import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button as AriaButton, DropZone, isTextDropItem, useDrag } from "react-aria-components";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import type { FollowUp } from "../api/types.ts";
import { findOnBoard, useStageOpportunities } from "./opportunity-queries.ts";
import type { Opportunity, Stage } from "./opportunity-types.ts";
import { MoveToMenu } from "./stage-controls.tsx";
import { CLOSED_STAGES, nextStep, OPEN_STAGES, STAGE_LABELS, sortByUrgency } from "./stages.ts";

/** What a card carries while dragged: its id under our own type, so text dragged from elsewhere is refused. */
const DRAG_TYPE = "application/x-kith-opportunity";

export interface BoardProps {
  followUps: ReadonlyMap<string, FollowUp[]>;
  timeZone: string;
  canEdit: boolean;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
}

/**
 * The pipeline: a column per open stage, then the closed ones (their cards collapsed, each still a place to drop).
 * Each column loads its own stage a page at a time (latest first, "Show more" for the rest) and says how many it
 * holds in all. A card moves by dragging it with the mouse or a finger, by keyboard (its drag handle: Enter, Tab to
 * a column, Enter; react-aria's drag and drop), or through its "Move to…" menu.
 */
export function PipelineBoard(props: BoardProps) {
  const [showClosed, setShowClosed] = useState(false);
  const client = useQueryClient();
  const accepted = useStageOpportunities("accepted").data?.pages[0]?.total ?? 0;
  const rejected = useStageOpportunities("rejected").data?.pages[0]?.total ?? 0;
  const withdrawn = useStageOpportunities("withdrawn").data?.pages[0]?.total ?? 0;
  const drop = (id: string, stage: Stage) => {
    const o = findOnBoard(client, id);
    if (o && o.stage !== stage) props.onMove(o, stage);
  };
  return (
    <div className="board">
      <div className="board-columns">
        {OPEN_STAGES.map((stage) => (
          <Column key={stage} stage={stage} board={props} onDrop={drop} />
        ))}
      </div>
      <div className="board-closed">
        <AriaButton className="btn btn-quiet" aria-expanded={showClosed} onPress={() => setShowClosed(!showClosed)}>
          {showClosed ? "Hide closed" : `Show closed (${accepted + rejected + withdrawn})`}
        </AriaButton>
        <div className="board-columns board-columns-closed">
          {CLOSED_STAGES.map((stage) => (
            <Column key={stage} stage={stage} board={props} onDrop={drop} collapsed={!showClosed} />
          ))}
        </div>
      </div>
    </div>
  );
}

function Column(props: {
  stage: Stage;
  board: BoardProps;
  onDrop: (id: string, stage: Stage) => void;
  collapsed?: boolean;
}) {
  const { stage, board } = props;
  const headingId = useId();
  const query = useStageOpportunities(stage);
  const loaded = query.data?.pages.flatMap((p) => p.items) ?? [];
  const items = sortByUrgency(loaded.filter((o) => o.stage === stage));
  const total = query.data?.pages[0]?.total ?? items.length;
  const label = STAGE_LABELS[stage];
  const content = (
    <>
      <h2 id={headingId} className="board-heading">
        {label} <span className="badge badge-muted">{total}</span>
      </h2>
      {query.isError && <p className="small warn">{describeError(query.error)}</p>}
      {!props.collapsed &&
        (items.length === 0 ? (
          <p className="muted small board-empty">{query.isPending ? "Loading…" : "None yet"}</p>
        ) : (
          <ul className="board-cards" aria-labelledby={headingId}>
            {items.map((o) => (
              <Card key={o.id} opportunity={o} board={board} />
            ))}
          </ul>
        ))}
      {!props.collapsed && query.hasNextPage && (
        <AriaButton
          className="btn btn-quiet board-more"
          isDisabled={query.isFetchingNextPage}
          onPress={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : `Show more (${Math.max(0, total - items.length)} more)`}
        </AriaButton>
      )}
    </>
  );
  return (
    <section className="board-column" aria-labelledby={headingId}>
      {board.canEdit ? (
        <DropZone
          className={({ isDropTarget }) => `board-drop${isDropTarget ? " board-drop-active" : ""}`}
          aria-label={`Move to ${label}`}
          getDropOperation={(types) => (types.has(DRAG_TYPE) ? "move" : "cancel")}
          onDrop={async (e) => {
            for (const item of e.items)
              if (isTextDropItem(item) && item.types.has(DRAG_TYPE)) props.onDrop(await item.getText(DRAG_TYPE), stage);
          }}
        >
          {content}
        </DropZone>
      ) : (
        <div className="board-drop">{content}</div>
      )}
    </section>
  );
}

function Card({ opportunity: o, board }: { opportunity: Opportunity; board: BoardProps }) {
  const { dragProps, dragButtonProps, isDragging } = useDrag({
    getItems: () => [{ [DRAG_TYPE]: o.id, "text/plain": `${o.title}${o.companyName ? ` at ${o.companyName}` : ""}` }],
    hasDragButton: true,
    isDisabled: !board.canEdit,
  });
  return (
    <li className={`card job-card${isDragging ? " job-card-dragging" : ""}`} {...(board.canEdit ? dragProps : {})}>
      <div className="job-card-head">
        <Link href={`/jobs/${encodeURIComponent(o.id)}`} className="strong job-title">
          {o.title}
        </Link>
        {board.canEdit && (
          <AriaButton {...dragButtonProps} className="btn btn-quiet drag-handle" aria-label={`Drag ${o.title}`}>
            <span aria-hidden="true">⠿</span>
          </AriaButton>
        )}
      </div>
      {o.companyName && <div className="muted small">{o.companyName}</div>}
      <div className="small">{nextStep(o, board.followUps.get(o.id) ?? [], board.timeZone)}</div>
      {board.canEdit && (
        <MoveToMenu
          title={o.title}
          from={o.stage}
          onMove={(stage) => board.onMove(o, stage)}
          className="btn btn-quiet move-button"
        />
      )}
    </li>
  );
}
