import { useId, useState } from "react";
import { Button as AriaButton, DropZone, isTextDropItem, useDrag } from "react-aria-components";
import { Link } from "wouter";
import type { FollowUp } from "../api/types.ts";
import type { Opportunity, Stage } from "./opportunity-types.ts";
import { MoveToMenu } from "./stage-controls.tsx";
import { groupByStage, isClosed, nextStep, type StageColumn } from "./stages.ts";

/** What a card carries while dragged: its id under our own type, so text dragged from elsewhere is refused. */
const DRAG_TYPE = "application/x-kith-opportunity";

export interface BoardProps {
  opportunities: readonly Opportunity[];
  followUps: ReadonlyMap<string, FollowUp[]>;
  timeZone: string;
  canEdit: boolean;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
}

/**
 * The pipeline: a column per open stage, then the closed ones (their cards collapsed, each still a place to drop).
 * A card moves by dragging it with the mouse or a finger, by keyboard (its drag handle: Enter, Tab to a column,
 * Enter; react-aria's drag and drop), or through its "Move to…" menu.
 */
export function PipelineBoard(props: BoardProps) {
  const columns = groupByStage(props.opportunities);
  const [showClosed, setShowClosed] = useState(false);
  const closedCount = columns.filter((c) => isClosed(c.stage)).reduce((n, c) => n + c.items.length, 0);
  const byId = new Map(props.opportunities.map((o) => [o.id, o]));
  const drop = (id: string, stage: Stage) => {
    const o = byId.get(id);
    if (o && o.stage !== stage) props.onMove(o, stage);
  };
  return (
    <div className="board">
      <div className="board-columns">
        {columns
          .filter((c) => !isClosed(c.stage))
          .map((c) => (
            <Column key={c.stage} column={c} board={props} onDrop={drop} />
          ))}
      </div>
      <div className="board-closed">
        <AriaButton className="btn btn-quiet" aria-expanded={showClosed} onPress={() => setShowClosed(!showClosed)}>
          {showClosed ? "Hide closed" : `Show closed (${closedCount})`}
        </AriaButton>
        <div className="board-columns board-columns-closed">
          {columns
            .filter((c) => isClosed(c.stage))
            .map((c) => (
              <Column key={c.stage} column={c} board={props} onDrop={drop} collapsed={!showClosed} />
            ))}
        </div>
      </div>
    </div>
  );
}

function Column(props: {
  column: StageColumn;
  board: BoardProps;
  onDrop: (id: string, stage: Stage) => void;
  collapsed?: boolean;
}) {
  const { column, board } = props;
  const headingId = useId();
  const content = (
    <>
      <h2 id={headingId} className="board-heading">
        {column.label} <span className="badge badge-muted">{column.items.length}</span>
      </h2>
      {!props.collapsed &&
        (column.items.length === 0 ? (
          <p className="muted small board-empty">None yet</p>
        ) : (
          <ul className="board-cards" aria-labelledby={headingId}>
            {column.items.map((o) => (
              <Card key={o.id} opportunity={o} board={board} />
            ))}
          </ul>
        ))}
    </>
  );
  return (
    <section className="board-column" aria-labelledby={headingId}>
      {board.canEdit ? (
        <DropZone
          className={({ isDropTarget }) => `board-drop${isDropTarget ? " board-drop-active" : ""}`}
          aria-label={`Move to ${column.label}`}
          getDropOperation={(types) => (types.has(DRAG_TYPE) ? "move" : "cancel")}
          onDrop={async (e) => {
            for (const item of e.items)
              if (isTextDropItem(item) && item.types.has(DRAG_TYPE))
                props.onDrop(await item.getText(DRAG_TYPE), column.stage);
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
