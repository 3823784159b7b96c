import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { INTERACTION_KINDS, type InteractionKind } from "../api/types.ts";
import { KIND_LABELS } from "../interactions/interaction-queries.ts";
import { Alert, Button, Checkbox, Field } from "../ui/controls.tsx";
import { Segmented } from "../ui/segmented.tsx";
import { useMoveAsk } from "./ask-queries.ts";
import type { Ask } from "./ask-types.ts";

/**
 * "Met": the ask moves on and, unless the member says not, the meeting with the names is logged in the same act
 * (one touch, so their connection starts, and Kith asks you to thank the introducer and tell them how it went).
 */
export function MetForm({ ask, onDone }: { ask: Ask; onDone: () => void }) {
  const move = useMoveAsk(ask.id);
  const [logIt, setLogIt] = useState(true);
  const [kind, setKind] = useState<InteractionKind>("meeting");
  const [summary, setSummary] = useState("");
  const names = ask.names.map((n) => n.displayName).join(" and ");
  const err = move.error instanceof ApiError ? move.error : undefined;
  return (
    <form
      className="stack network-form"
      aria-label={`You met ${names}`}
      onSubmit={(e) => {
        e.preventDefault();
        const log = { kind, ...(summary.trim() ? { summary: summary.trim() } : {}) };
        move.mutate({ status: "met", ...(logIt ? { log } : {}) }, { onSuccess: onDone });
      }}
    >
      <Checkbox isSelected={logIt} onChange={setLogIt}>
        Log the meeting with {names}
      </Checkbox>
      {logIt && (
        <>
          <Segmented label="How" value={kind} options={INTERACTION_KINDS} labels={KIND_LABELS} onChange={setKind} />
          <Field
            label="What about"
            name="summary"
            value={summary}
            onChange={setSummary}
            placeholder="Coffee, talked about the robotics team"
            error={err?.fieldError("log.summary")}
          />
        </>
      )}
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={move.isPending}>
          Mark met
        </Button>
        <Button tone="quiet" onPress={onDone}>
          Cancel
        </Button>
      </div>
      {move.isError && !err?.fieldError("log.summary") && <Alert>{describeError(move.error)}</Alert>}
    </form>
  );
}
