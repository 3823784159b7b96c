import { lastRunWords, STATE_WORDS } from "./sources-labels.ts";

const TONES: Record<string, string> = {
  ok: "good",
  failing: "warn",
  failed: "bad",
  waiting: "muted",
  syncing: "muted",
};

/** A source's state (a badge in words), when it last ran, what went wrong and its counts: mailbox and calendars alike. */
export function SourceState(props: { state: string; lastRunAt: string | null; error: string | null; counts: string }) {
  return (
    <>
      <div className="small">
        <span className={`badge badge-${TONES[props.state] ?? "muted"}`}>
          {STATE_WORDS[props.state] ?? props.state}
        </span>{" "}
        <span className="muted">{lastRunWords(props.lastRunAt)}</span>
      </div>
      {props.error && <p className="small break">{props.error}</p>}
      <div className="small">{props.counts}</div>
    </>
  );
}
