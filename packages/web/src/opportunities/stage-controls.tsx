import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { Alert } from "../ui/controls.tsx";
import type { Stage } from "./opportunity-types.ts";
import { moveTargets, STAGE_LABELS } from "./stages.ts";

/** "Move to… ▾": every other stage, for the board's cards (the keyboard's way to move one) and the opportunity page. */
export function MoveToMenu(props: { title: string; from: Stage; onMove: (stage: Stage) => void; className?: string }) {
  return (
    <MenuTrigger>
      <AriaButton className={props.className ?? "btn btn-quiet"} aria-label={`Move ${props.title} to…`}>
        Move to… ▾
      </AriaButton>
      <Popover className="popover">
        <Menu
          className="menu"
          aria-label={`Stages for ${props.title}`}
          onAction={(key) => props.onMove(String(key) as Stage)}
        >
          {moveTargets(props.from).map((s) => (
            <MenuItem key={s} id={s} className="menu-item">
              {STAGE_LABELS[s]}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

/** What a move or a held interview did, said where it happened: a line, then the follow-ups made and closed. */
export function EffectsNotice(props: { notice: { text: string; lines: string[] } | null }) {
  return (
    <div aria-live="polite">
      {props.notice && (
        <Alert tone="info">
          <div>
            <div className="strong">{props.notice.text}</div>
            {props.notice.lines.length > 0 && (
              <ul className="effects-list" aria-label="What it did">
                {props.notice.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </div>
        </Alert>
      )}
    </div>
  );
}
