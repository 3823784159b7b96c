import { ProgressBar } from "react-aria-components";
import { CONNECTION_TARGET } from "./contact-queries.ts";

/** "4 of 7 touches": progress toward a true connection (7–10 meaningful interactions). */
export function ConnectionProgress({ touches, target = CONNECTION_TARGET }: { touches: number; target?: number }) {
  const shown = Math.min(touches, target);
  const connected = touches >= target;
  return (
    <ProgressBar
      className="connection-progress"
      value={shown}
      maxValue={target}
      valueLabel={`${shown} of ${target} touches`}
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
