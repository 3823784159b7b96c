import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { Loading } from "../ui/page.tsx";
import { calendarCountWords, importWords } from "./sources-labels.ts";
import {
  type CalendarView,
  useCalendars,
  useImportCalendar,
  useRemoveCalendar,
  useSetCalendarAddress,
  useSubscribeCalendar,
  useSyncCalendar,
} from "./sources-queries.ts";
import { SourceState } from "./sources-state.tsx";

/**
 * Calendars: an .ics file imported here (its past meetings with contacts are logged once, however often it comes),
 * or a calendar's ICS address subscribed to (synced every hour); each with its state, last run and counts.
 */
export function CalendarsPart({ canEdit }: { canEdit: boolean }) {
  const calendars = useCalendars();
  return (
    <section className="stack-sm part" aria-labelledby="calendars-heading">
      <h3 id="calendars-heading">Calendars</h3>
      <p className="muted small">
        Meetings with your contacts become touches: an event whose attendees include a contact is logged as a meeting
        once it has happened. Future events wait; moved events are updated and cancelled ones removed.
      </p>
      {calendars.isPending && <Loading />}
      {calendars.isError && <Alert>{describeError(calendars.error)}</Alert>}
      {calendars.data &&
        (calendars.data.length === 0 ? (
          <p className="muted small">No calendars yet.</p>
        ) : (
          <ul className="plain-list" aria-label="Calendars">
            {calendars.data.map((c) => (
              <CalendarRow key={c.id} calendar={c} canEdit={canEdit} />
            ))}
          </ul>
        ))}
      {canEdit ? (
        <div className="grid-2">
          <ImportCalendarForm />
          <SubscribeForm />
        </div>
      ) : (
        <p className="muted small">Only editors and owners can add or remove calendars.</p>
      )}
    </section>
  );
}

function CalendarRow({ calendar: c, canEdit }: { calendar: CalendarView; canEdit: boolean }) {
  const sync = useSyncCalendar();
  const remove = useRemoveCalendar();
  const [confirming, setConfirming] = useState(false);
  const error = sync.error ?? remove.error;
  return (
    <li className="member-row">
      <div className="min-0 stack-sm">
        <div className="strong break">{c.name}</div>
        <div className="muted small break">{c.url ?? "Files you import here"}</div>
        <SourceState state={c.state} lastRunAt={c.lastRunAt} error={c.error} counts={calendarCountWords(c.counts)} />
        {error && <Alert>{describeError(error)}</Alert>}
        {canEdit && !confirming && <AddressAgainForm calendar={c} />}
        {confirming && (
          <fieldset className="rows-field">
            <legend>Remove {c.name}</legend>
            <p className="small">What about the meetings it logged?</p>
            <div className="row">
              <Button
                isDisabled={remove.isPending}
                onPress={() => remove.mutate({ id: c.id, keep: true }, { onSuccess: () => setConfirming(false) })}
              >
                Keep its meetings
              </Button>
              <Button
                tone="danger"
                isDisabled={remove.isPending}
                onPress={() => remove.mutate({ id: c.id, keep: false }, { onSuccess: () => setConfirming(false) })}
              >
                Remove its meetings too
              </Button>
              <Button tone="quiet" onPress={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </fieldset>
        )}
      </div>
      {canEdit && !confirming && (
        <div className="row">
          {c.kind === "subscription" && (
            <Button
              aria-label={`Sync ${c.name} now`}
              isDisabled={sync.isPending || c.state === "syncing"}
              onPress={() => sync.mutate(c.id)}
            >
              Sync now
            </Button>
          )}
          <Button tone="quiet" aria-label={`Remove ${c.name}`} onPress={() => setConfirming(true)}>
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}

/**
 * A subscription that failed for good (one restored from a backup has no address: a backup keeps none) is given its
 * address again here, on the same calendar: what it logged is kept and nothing is logged twice.
 */
function AddressAgainForm({ calendar: c }: { calendar: CalendarView }) {
  const setAddress = useSetCalendarAddress();
  const [url, setUrl] = useState("");
  const problem = setAddress.error instanceof ApiError ? setAddress.error : null;
  const failed = c.kind === "subscription" && c.state === "failed";
  // A success waits for the list read again (the mutation's refetch): failing again (the error above says why) asks
  // for the address once more.
  if (setAddress.isSuccess && !failed) {
    return (
      <Alert tone="info">
        Saved: {c.name} will be read again from this address in a moment; the meetings it logged are kept and none is
        logged twice.
      </Alert>
    );
  }
  if (!failed) return null;
  return (
    <form
      className="stack-sm"
      aria-label={`Enter the address of ${c.name} again`}
      onSubmit={(e) => {
        e.preventDefault();
        setAddress.mutate({ id: c.id, url: url.trim() });
      }}
    >
      <p className="strong">Enter its address again</p>
      <Field
        label={`Address of ${c.name} (ICS)`}
        name={`calendarAddress-${c.id}`}
        type="url"
        value={url}
        onChange={(v) => {
          setUrl(v);
          if (setAddress.isError) setAddress.reset();
        }}
        placeholder="https://calendar.example.com/…/basic.ics"
        description="Its meetings are kept: the same calendar is read again, and nothing it logged is logged twice."
        error={problem?.fieldError("url")}
        isRequired
      />
      {setAddress.error && !problem?.fieldError("url") && <Alert>{describeError(setAddress.error)}</Alert>}
      <div className="row">
        <Button type="submit" isDisabled={setAddress.isPending || !url.trim()}>
          {setAddress.isPending ? "Saving…" : "Read it again"}
        </Button>
      </div>
    </form>
  );
}

const ACCEPT = ".ics,.ical,.ifb,text/calendar";

function ImportCalendarForm() {
  const importing = useImportCalendar();
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <div className="stack-sm">
      <p className="strong">Import an .ics file</p>
      <p className="muted small">
        Export your calendar (Google, Outlook, Apple) as an .ics file. Importing a newer export again updates what
        changed and logs nothing twice.
      </p>
      <div className="row">
        <label className={`btn btn-primary file-button${importing.isPending ? " file-button-disabled" : ""}`}>
          {importing.isPending ? "Importing…" : "Choose an .ics file"}
          <input
            type="file"
            accept={ACCEPT}
            disabled={importing.isPending}
            onChange={async (event) => {
              const file = event.target.files?.[0];
              // Choosing the same file again imports it again.
              event.target.value = "";
              if (!file) return;
              setFileName(file.name);
              importing.mutate(await file.text());
            }}
          />
        </label>
      </div>
      {importing.data && (
        <Alert tone="info">
          {fileName ? `${fileName}: ` : ""}
          {importWords(importing.data.result)}
        </Alert>
      )}
      {importing.error && <Alert>{describeError(importing.error)}</Alert>}
    </div>
  );
}

function SubscribeForm() {
  const subscribe = useSubscribeCalendar();
  const [url, setUrl] = useState("");
  const [name, setName] = useState("");
  const problem = subscribe.error instanceof ApiError ? subscribe.error : null;
  const fieldNamed = problem?.fieldError("url") ?? problem?.fieldError("name");
  return (
    <form
      className="stack-sm"
      aria-label="Subscribe to a calendar"
      onSubmit={(e) => {
        e.preventDefault();
        subscribe.mutate(
          { url: url.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
          {
            onSuccess: () => {
              setUrl("");
              setName("");
            },
          },
        );
      }}
    >
      <p className="strong">Subscribe to a calendar</p>
      <Field
        label="Calendar address (ICS)"
        name="calendarUrl"
        type="url"
        value={url}
        onChange={(v) => {
          setUrl(v);
          if (subscribe.isError) subscribe.reset();
        }}
        placeholder="https://calendar.example.com/…/basic.ics"
        description="The secret address in iCal format your calendar offers; webcal:// works too."
        error={problem?.fieldError("url")}
        isRequired
      />
      <Field
        label="Name (optional)"
        name="calendarName"
        value={name}
        onChange={setName}
        placeholder="Work"
        error={problem?.fieldError("name")}
      />
      {subscribe.error && !fieldNamed && <Alert>{describeError(subscribe.error)}</Alert>}
      <div className="row">
        <Button type="submit" isDisabled={subscribe.isPending || !url.trim()}>
          {subscribe.isPending ? "Subscribing…" : "Subscribe"}
        </Button>
      </div>
    </form>
  );
}
