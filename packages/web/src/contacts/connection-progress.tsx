import { ProgressBar } from "react-aria-components";
import { CONNECTION_TARGET } from "./contact-queries.ts";

/**
 * "4 of 7 exchanges": progress toward a true connection (7–10 meaningful interactions that went both ways; an
 * unanswered message is a touch, not an exchange).
 */
export function ConnectionProgress({ exchanges, target = CONNECTION_TARGET }: { exchanges: number; target?: number }) {
  const shown = Math.min(exchanges, target);
  const connected = exchanges >= target;
  return (
    <ProgressBar
      className="connection-progress"
      value={shown}
      maxValue={target}
      valueLabel={`${shown} of ${target} exchanges`}
      aria-label="Connection progress"
    >
      {({ percentage }) => (
        <>
          <div className="progress-label">
            <span>{connected ? "Connected" : "Building the connection"}</span>
            <strong>
              {shown} of {target}
            </strong>
          </div>
          <div className="progress-track">
            <div className={`progress-fill${connected ? " done" : ""}`} style={{ width: `${percentage}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
