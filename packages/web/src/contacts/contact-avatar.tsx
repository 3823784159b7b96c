import type { Contact } from "../api/types.ts";
import { initials } from "../ui/format.ts";

/**
 * The contact's photo when it has one (the photo route, its `photoUpdatedAt` in the address so a new photo is
 * fetched anew), else the initials. Decorative: the name is always written beside it.
 */
export function ContactAvatar(props: {
  contact: Pick<Contact, "id" | "displayName" | "photoUpdatedAt">;
  size?: "large";
}) {
  const { contact } = props;
  const className = props.size === "large" ? "avatar avatar-large" : "avatar";
  if (contact.photoUpdatedAt) {
    const src = `/api/contacts/${encodeURIComponent(contact.id)}/photo?v=${encodeURIComponent(contact.photoUpdatedAt)}`;
    return <img className={`${className} avatar-photo`} src={src} alt="" loading="lazy" decoding="async" />;
  }
  return (
    <span className={className} aria-hidden="true">
      {initials(contact.displayName)}
    </span>
  );
}
