import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import type { ContactPhoto } from "./contact-photo-port.ts";
import { lockedContact } from "./contact-service.ts";
import { PHOTO_PROBLEMS, readPhoto } from "./photo-bytes.ts";
import { type Contact, setContactPhotoSchema } from "./schemas.ts";

/** The contact's photo; not found when the contact (in this account) or its photo is missing. */
export async function getContactPhoto(deps: Deps, actor: Actor, contactId: string): Promise<ContactPhoto> {
  requireRole(actor, "viewer");
  const photo = await deps.store.photos.find(actor.accountId, contactId);
  if (!photo) throw notFound("photo of contact", contactId);
  return photo;
}

/** Sets the contact's photo from base64 bytes whose magic number must agree with the stated type. */
export async function setContactPhoto(deps: Deps, actor: Actor, contactId: string, input: unknown): Promise<Contact> {
  requireRole(actor, "editor");
  const { contentType, data } = parseInput(setContactPhotoSchema, input);
  const read = readPhoto(data, contentType);
  if ("problem" in read) throw invalid("data", PHOTO_PROBLEMS[read.problem]);
  const updatedAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    await lockedContact(tx, actor.accountId, contactId);
    await tx.photos.put(actor.accountId, contactId, { contentType: read.contentType, bytes: read.bytes, updatedAt });
    return lockedContact(tx, actor.accountId, contactId);
  });
}

/** Removes the contact's photo (nothing to remove is not an error: the contact ends without one either way). */
export async function removeContactPhoto(deps: Deps, actor: Actor, contactId: string): Promise<Contact> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    await lockedContact(tx, actor.accountId, contactId);
    await tx.photos.remove(actor.accountId, contactId);
    return lockedContact(tx, actor.accountId, contactId);
  });
}
