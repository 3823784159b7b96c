import { useRef, useState } from "react";
import { describeError } from "../api/problem.ts";
import type { CalendarFeedStatus } from "../api/types.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Loading, Section } from "../ui/page.tsx";
import { useCalendarFeed } from "./notify-queries.ts";

/**
 * A secret .ics address for calendar apps. The server keeps only a hash of it, so the address is shown once, when
 * made; afterwards the page can only say whether one is on and since when. Making a new one turns the previous one
 * off.
 */
export function CalendarFeedSection() {
  const { status, rotate, turnOff } = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<"copied" | "off" | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const error = rotate.error ?? turnOff.error;
  const feed = status.data;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNotice("copied");
    } catch (reason) {
      // No clipboard (an insecure origin, a refused permission): select the address so the keyboard can copy it.
      console.warn("clipboard:", reason);
      inputRef.current?.select();
    }
  };

  const make = () =>
    rotate.mutate(undefined, {
      onSuccess: (made) => {
        setUrl(made.url);
        setNotice(null);
      },
    });

  return (
    <Section title="Calendar feed">
      <p className="small">
        See your follow-ups and birthdays in a calendar app (Apple Calendar, Google Calendar, Outlook, Thunderbird):
        subscribe to your calendar address there, “from URL”. The app checks it by itself, every few hours.
      </p>
      <p className="muted small">
        The address is secret: anyone who has it can read the feed. Kith shows it only once, when you make it. Making a
        new one (if yours is lost or shared) turns the old one off.
      </p>
      {error && <Alert>{describeError(error)}</Alert>}
      {status.isError && <Alert>{describeError(status.error)}</Alert>}
      {notice === "off" && (
        <Alert tone="info">Your calendar address is off. Calendar apps can no longer read it.</Alert>
      )}
      {status.isPending && <Loading />}
      {feed && <FeedStatusLine feed={feed} />}
      {url && (
        <div className="stack-sm">
          <label htmlFor="calendar-url" className="strong">
            Your calendar address
          </label>
          <div className="copy-row">
            <textarea
              id="calendar-url"
              ref={inputRef}
              className="input-code"
              readOnly
              rows={1}
              value={url}
              onFocus={(e) => e.target.select()}
            />
            <Button onPress={() => void copy()}>Copy</Button>
          </div>
          <p className="muted small" aria-live="polite">
            {notice === "copied" ? "Copied. Paste it into your calendar app." : "Copy it now: it is not shown again."}{" "}
            <a href={url.replace(/^https?:/, "webcal:")}>Open in my calendar app</a>
          </p>
        </div>
      )}
      {feed && (
        <div className="row">
          {feed.active ? (
            <>
              <Button isDisabled={rotate.isPending} onPress={make}>
                Make a new address
              </Button>
              <Button
                tone="danger"
                isDisabled={turnOff.isPending}
                onPress={() =>
                  turnOff.mutate(undefined, {
                    onSuccess: () => {
                      setUrl(null);
                      setNotice("off");
                    },
                  })
                }
              >
                Turn off
              </Button>
            </>
          ) : (
            <Button tone="primary" isDisabled={rotate.isPending} onPress={make}>
              Make an address
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}

/** On since when, or off; the address itself is not known here after it was shown. */
function FeedStatusLine({ feed }: { feed: CalendarFeedStatus }) {
  return (
    <p>
      <span className={`badge badge-${feed.active ? "good" : "muted"}`}>{feed.active ? "on" : "off"}</span>{" "}
      {feed.active
        ? `A calendar address is on${feed.createdAt ? ` (made ${formatDate(feed.createdAt)})` : ""}.`
        : "No calendar address is on."}
    </p>
  );
}
