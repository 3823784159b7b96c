import { lazy, Suspense, useState } from "react";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import type { DueItem } from "../api/types.ts";
import { openQuickLog } from "../app/quick-log.ts";
import { useCanEdit } from "../app/session.ts";
import { InsightsCards } from "../insights/insights-cards.tsx";
import { ComingUpDraft, TodayDraft } from "../messages/today-draft.tsx";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate, plural, relativeDays } from "../ui/format.ts";
import { Empty, Loading, Page } from "../ui/page.tsx";
import { HabitCard } from "./habit-card.tsx";
import { MovedOnCard } from "./moved-on-card.tsx";
import { NextUp } from "./next-up.tsx";
import { type TodayAction, type UndoHandle, useContactTotal, useToday, useTodayAction } from "./today-queries.ts";

// The form is the contacts page's own; loaded when first opened, so Today's first load stays small.
const ContactFormDialog = lazy(() =>
  import("../contacts/contact-form-dialog.tsx").then((m) => ({ default: m.ContactFormDialog })),
);

// Keyed by the API's own enum of reasons: a reason added or renamed in core is a compile error here.
const REASON_LABELS: Record<DueItem["reasonKind"], string> = {
  "follow-up-due": "Follow-up",
  "outreach-unanswered": "No reply yet",
  "cadence-due": "Due",
  "cadence-overdue": "Overdue",
  occasion: "Occasion",
  "opportunity-stage": "Opportunity",
  "ask-pending": "Ask",
  "article-match": "Article",
};

export default function TodayPage() {
  const today = useToday();
  const action = useTodayAction();
  const contactTotal = useContactTotal();
  const canEdit = useCanEdit();
  const [adding, setAdding] = useState(false);
  const [undo, setUndo] = useState<{ text: string; contactId: string; handle: UndoHandle } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = (a: TodayAction, text?: string, name?: string) =>
    action.mutate(a, {
      onSuccess: (handle) =>
        setUndo(handle && text ? { text: `${text} ${name ?? ""}.`, contactId: a.contactId, handle } : null),
    });
  // A draft's "did you send it?" → yes: the same done, awaited so the draft can say when it failed.
  const runAndWait = (a: TodayAction, text: string, name: string) =>
    action
      .mutateAsync(a)
      .then((handle) => setUndo(handle ? { text: `${text} ${name}.`, contactId: a.contactId, handle } : null));
  const takeBack = () => {
    if (!undo?.handle) return;
    if ("moveOn" in undo.handle) run({ type: "undo-move-on", contactId: undo.contactId });
    else run({ type: "undo", contactId: undo.contactId, undo: undo.handle.undo });
  };

  if (today.isPending)
    return (
      <Page title="Today">
        <Loading />
      </Page>
    );
  if (today.isError)
    return (
      <Page title="Today">
        <Alert>{describeError(today.error)}</Alert>
      </Page>
    );
  const list = today.data;

  const date = new Date(`${list.todayOn}T12:00:00`).toLocaleDateString(undefined, {
    weekday: "long",
    month: "long",
    day: "numeric",
  });
  return (
    <Page title="Today" lead={date}>
      <div className="today-grid">
        <div className="stack-lg">
          {action.isError && <Alert>{describeError(action.error)}</Alert>}
          {notice && <Alert tone="info">{notice}</Alert>}
          {undo && (
            <Alert tone="info">
              <span>{undo.text}</span>
              <Button tone="quiet" onPress={takeBack}>
                Undo
              </Button>
            </Alert>
          )}
          {list.items.length === 0 ? (
            contactTotal === 0 ? (
              <Empty>
                <p className="strong">Start with the people you want to keep in touch with.</p>
                <p className="muted">
                  Import them from LinkedIn, Google or a vCard file, or add the first one by hand. Kith then tells you
                  each day whom to reach out to and why.
                </p>
                {canEdit && <StartButtons onAdd={() => setAdding(true)} />}
              </Empty>
            ) : (
              <Empty>
                <p className="strong">You're all caught up.</p>
                <p className="muted">No one is due today. Log a coffee or a call with L, or add someone new.</p>
                {canEdit && <StartButtons onAdd={() => setAdding(true)} />}
              </Empty>
            )
          ) : null}
          {list.items.length === 0 && (contactTotal ?? 0) > 0 && list.later.length === 0 && <NextUp />}
          {list.items.length > 0 && (
            <ol className="due-list" aria-label="Due today">
              {list.items.map((item) => (
                <DueCard
                  key={item.contactId}
                  item={item}
                  onAction={(a, text) => run(a, text, item.displayName)}
                  onLogged={(a) => runAndWait(a, "Logged what you sent to", item.displayName)}
                  onNotice={setNotice}
                />
              ))}
            </ol>
          )}
          {list.later.length > 0 && (
            <section className="card" aria-labelledby="later-heading">
              <h2 id="later-heading">Coming up</h2>
              <p className="muted small">Spread over the next days so no day gets crowded.</p>
              <ul className="plain-list">
                {list.later.map((l) => (
                  <li key={`${l.contactId}-${l.plannedOn}`} className="coming-up">
                    <div className="follow-up">
                      <div>
                        <Link href={`/contacts/${l.contactId}`} className="strong">
                          {l.displayName}
                        </Link>
                        <div className="muted small">{l.sentence}</div>
                      </div>
                      <span className="muted small" title={formatDate(l.plannedOn)}>
                        {relativeDays(l.plannedOn)}
                      </span>
                    </div>
                    <ComingUpDraft item={l} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <MovedOnCard movedOn={list.movedOn} onUndo={(contactId) => run({ type: "undo-move-on", contactId })} />
        </div>
        <div className="today-side">
          <HabitCard habit={list.habit} />
          <InsightsCards />
        </div>
      </div>
      {adding && (
        <Suspense fallback={null}>
          <ContactFormDialog onClose={() => setAdding(false)} />
        </Suspense>
      )}
    </Page>
  );
}

/** What a new list can start from: an import, or one person added by hand. */
function StartButtons(props: { onAdd: () => void }) {
  return (
    <div className="row">
      <Link href="/imports" className="btn btn-primary">
        Import contacts
      </Link>
      <Button onPress={props.onAdd}>Add a contact</Button>
    </div>
  );
}

function DueCard(props: {
  item: DueItem;
  onAction: (a: TodayAction, text: string) => void;
  onLogged: (a: TodayAction) => Promise<unknown>;
  onNotice: (text: string) => void;
}) {
  const { item } = props;
  const canEdit = useCanEdit();
  const overdue = item.daysOverdue > 0;
  return (
    <li className="card due-card">
      <div className="due-head">
        <Link href={`/contacts/${item.contactId}`} className="due-name">
          {item.displayName}
        </Link>
        <span className={`badge${overdue ? " badge-warn" : ""}`}>{REASON_LABELS[item.reasonKind]}</span>
      </div>
      <p className="due-sentence">{item.sentence}</p>
      {item.opportunity && (
        <p className="small due-job">
          About{" "}
          <Link href={`/jobs/${encodeURIComponent(item.opportunity.id)}`}>
            {item.opportunity.title}
            {item.opportunity.companyName && ` at ${item.opportunity.companyName}`}
          </Link>
        </p>
      )}
      {item.suggestMoveOn && <p className="small warn">Several tries with no reply: it may be time to move on.</p>}
      {(item.sinceOn || overdue) && (
        <p className="muted small">
          {item.sinceOn && `since ${formatDate(item.sinceOn)}`}
          {item.sinceOn && overdue && " · "}
          {overdue && `${plural(item.daysOverdue, "day")} overdue`}
          {` · ${Math.min(item.connection.exchanges, item.connection.target)} of ${plural(item.connection.target, "exchange")}`}
        </p>
      )}
      <TodayDraft item={item} onLogged={props.onLogged} onNotice={props.onNotice} />
      {canEdit && (
        <div className="row due-actions">
          <Button
            tone="primary"
            onPress={() => props.onAction({ type: "done", contactId: item.contactId }, "Logged a message to")}
            aria-label={`Done: reached out to ${item.displayName}`}
          >
            Done
          </Button>
          <Button
            onPress={() => openQuickLog({ id: item.contactId, displayName: item.displayName })}
            aria-label={`Log what happened with ${item.displayName}`}
          >
            Log…
          </Button>
          <MenuTrigger>
            <AriaButton className="btn btn-quiet" aria-label={`Snooze ${item.displayName}`}>
              Snooze ▾
            </AriaButton>
            <Popover className="popover">
              <Menu
                className="menu"
                onAction={(key) =>
                  props.onAction({ type: "snooze", contactId: item.contactId, days: Number(key) }, "Snoozed")
                }
              >
                <MenuItem className="menu-item" id="1">
                  Tomorrow
                </MenuItem>
                <MenuItem className="menu-item" id="3">
                  In 3 days
                </MenuItem>
                <MenuItem className="menu-item" id="7">
                  Next week
                </MenuItem>
                <MenuItem className="menu-item" id="30">
                  In a month
                </MenuItem>
              </Menu>
            </Popover>
          </MenuTrigger>
          <MenuTrigger>
            <AriaButton className="btn btn-quiet" aria-label={`More for ${item.displayName}`}>
              ⋯
            </AriaButton>
            <Popover className="popover">
              <Menu
                className="menu"
                onAction={(key) =>
                  key === "skip"
                    ? props.onAction({ type: "skip", contactId: item.contactId }, "Skipped")
                    : key === "done-awaits"
                      ? props.onAction(
                          { type: "done", contactId: item.contactId, awaitsReply: true },
                          "Logged a message (nudges until they answer) to",
                        )
                      : props.onAction({ type: "move-on", contactId: item.contactId }, "Moved on (occasions only) from")
                }
              >
                <MenuItem className="menu-item" id="done-awaits">
                  Done, waiting for their reply
                </MenuItem>
                <MenuItem className="menu-item" id="skip">
                  Skip this time
                </MenuItem>
                <MenuItem className="menu-item" id="move-on">
                  Move on (occasions only)
                </MenuItem>
              </Menu>
            </Popover>
          </MenuTrigger>
        </div>
      )}
    </li>
  );
}
