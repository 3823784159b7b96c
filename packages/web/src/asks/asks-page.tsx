import { useState } from "react";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { NetworkTabs } from "../network/network-tabs.tsx";
import { Alert, Button } from "../ui/controls.tsx";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";
import { AskCard } from "./ask-card.tsx";
import { ASK_STATUS_HINTS, ASK_STATUS_LABELS, ASK_STATUSES } from "./ask-moves.ts";
import { useAsks } from "./ask-queries.ts";
import { RecordAskForm } from "./record-ask-form.tsx";

/** The asks board: every "who do you know?" by status, with its names, reminders and moves. */
export default function AsksPage() {
  const asks = useAsks();
  const canEdit = useCanEdit();
  const [recording, setRecording] = useState(false);
  const items = asks.data?.items ?? [];
  return (
    <Page
      title="Asks"
      lead="Who do you know? The people you asked, the names they gave, and the thanks you owe."
      actions={
        canEdit &&
        !recording && (
          <Button tone="primary" onPress={() => setRecording(true)}>
            Record an ask
          </Button>
        )
      }
    >
      <NetworkTabs />
      {recording && (
        <Section title="Record an ask">
          <RecordAskForm onDone={() => setRecording(false)} />
        </Section>
      )}
      {asks.isPending && <Loading />}
      {asks.isError && <Alert>{describeError(asks.error)}</Alert>}
      {asks.isSuccess && items.length === 0 && !recording && (
        <Empty>
          <p>
            No asks yet. Ask someone you know “who do you know at …?”, record it here, and Kith reminds you to nudge, to
            follow the names up, and to thank them.
          </p>
        </Empty>
      )}
      {items.length > 0 && (
        <div className="ask-board">
          {ASK_STATUSES.map((status) => {
            const here = items.filter((a) => a.status === status);
            return (
              <section key={status} className="card ask-column" aria-labelledby={`asks-${status}`}>
                <div className="card-header">
                  <h2 id={`asks-${status}`}>
                    {ASK_STATUS_LABELS[status]} <span className="muted">({here.length})</span>
                  </h2>
                </div>
                <p className="muted small">{ASK_STATUS_HINTS[status]}</p>
                {here.length > 0 && (
                  <ul className="plain-list ask-list" aria-labelledby={`asks-${status}`}>
                    {here.map((ask) => (
                      <AskCard key={ask.id} ask={ask} canEdit={canEdit} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </Page>
  );
}
