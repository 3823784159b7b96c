import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import type { ContactSummary } from "../api/types.ts";
import { relativeDays } from "../ui/format.ts";
import { ContactAvatar } from "./contact-avatar.tsx";
import { CONNECTION_TARGET } from "./contact-queries.ts";

const ROW_HEIGHT = 64;

/**
 * Only the rows on screen (plus a few) exist in the DOM, so 50k contacts scroll like 50. The page scrolls (not an
 * inner box), which keeps phones' address bar and scroll-to-top behaviour.
 */
export function ContactList(props: { contacts: ContactSummary[]; hasMore: boolean; onNeedMore: () => void }) {
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: props.contacts.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: offset,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;
  const { hasMore, onNeedMore, contacts } = props;

  useEffect(() => {
    if (hasMore && lastIndex >= contacts.length - 30) onNeedMore();
  }, [hasMore, lastIndex, contacts.length, onNeedMore]);

  return (
    <ul
      ref={listRef}
      className="contact-list"
      aria-label="Contacts"
      style={{ height: virtualizer.getTotalSize(), position: "relative" }}
    >
      {rows.map((row) => {
        const contact = contacts[row.index]!;
        const subtitle = [contact.title, contact.companyName].filter(Boolean).join(" · ");
        return (
          <li
            key={contact.id}
            className="contact-row"
            aria-setsize={contacts.length}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`, height: ROW_HEIGHT }}
          >
            <Link href={`/contacts/${contact.id}`} className="contact-link">
              <ContactAvatar contact={contact} />
              <span className="contact-main">
                <span className="contact-name">{contact.displayName}</span>
                <span className="contact-sub">{subtitle || contact.email || contact.circle}</span>
              </span>
              <span className="contact-meta">
                <span>{contact.lastTouchAt ? relativeDays(contact.lastTouchAt) : "no touch yet"}</span>
                <span className="muted small">
                  {Math.min(contact.exchangeCount, CONNECTION_TARGET)} of {CONNECTION_TARGET}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
