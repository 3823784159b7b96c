import { encodeBase64 } from "../contacts/photo-bytes.ts";
import type { Contact } from "../contacts/schemas.ts";
import { storedPhotoOf } from "../contacts/stored-photo.ts";
import { allPages } from "../exports/export-service.ts";
import { normalizeEmail } from "../imports/plan/contact-draft.ts";
import { normalizeLinkedIn } from "../imports/read/linkedin.ts";
import type { Repositories } from "../ports/index.ts";
import type { ContactMergeRecord } from "./merge-schemas.ts";

const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
};

/** The kept contact with everything of the merged one it lacks; what the kept one says wins where both say. */
export function unionContacts(kept: Contact, merged: Contact): Contact {
  return {
    ...kept,
    emails: union(kept.emails, merged.emails, (e) => normalizeEmail(e.address)),
    phones: union(kept.phones, merged.phones, (p) => p.number.replace(/[^\d+]/g, "")),
    links: union(kept.links, merged.links, (l) => normalizeLinkedIn(l.url) ?? l.url),
    tags: union(kept.tags, merged.tags, (t) => t.toLowerCase()),
    interests: union(kept.interests, merged.interests, (t) => t.toLowerCase()),
    title: kept.title || merged.title,
    companyId: kept.companyId ?? merged.companyId,
    birthday: kept.birthday ?? merged.birthday,
    dates: union(kept.dates ?? [], merged.dates ?? [], (d) =>
      [d.kind, (d.label ?? "").toLowerCase(), d.month, d.day].join("|"),
    ).slice(0, 20),
    howWeMet: [kept.howWeMet, merged.howWeMet].filter(Boolean).join("\n\n"),
    notes: [kept.notes, merged.notes].filter(Boolean).join("\n\n"),
  };
}

/** Moves the merged contact's interactions and follow-ups to the kept one; returns what moved, for undo. */
export async function moveHistory(tx: Repositories, accountId: string, fromId: string, toId: string) {
  const page = (cursor: string | undefined) => ({ limit: 200, ...(cursor ? { cursor } : {}) });
  const interactions = await allPages((c) => tx.interactions.list(accountId, { contactId: fromId }, page(c)));
  for (const i of interactions) {
    const contactIds = [...new Set(i.contactIds.map((id) => (id === fromId ? toId : id)))];
    await tx.interactions.update(accountId, { ...i, contactIds });
  }
  const followUps = await allPages((c) => tx.followUps.list(accountId, { contactId: fromId }, page(c)));
  for (const f of followUps) await tx.followUps.update(accountId, { ...f, contactId: toId });
  return {
    interactions: interactions.map((i) => ({ id: i.id, contactIds: i.contactIds })),
    followUpIds: followUps.map((f) => f.id),
  };
}

/**
 * The merged contact's photo before it goes with its contact: the kept contact takes it when it has none (the
 * survivor's own photo wins). Returns what undo needs: the merged photo (base64) and whether the kept one took it.
 */
export async function movePhoto(tx: Repositories, accountId: string, fromId: string, toId: string) {
  const photo = await tx.photos.find(accountId, fromId);
  if (!photo) return { mergedPhoto: null, photoTaken: false };
  const keptHasOne = (await tx.photos.find(accountId, toId)) !== null;
  if (!keptHasOne) await tx.photos.put(accountId, toId, photo);
  const mergedPhoto = { contentType: photo.contentType, data: encodeBase64(photo.bytes), updatedAt: photo.updatedAt };
  return { mergedPhoto, photoTaken: !keptHasOne };
}

/** Undo of `movePhoto`: the merged contact gets its photo back, and the kept one loses the photo it took. */
export async function putPhotoBack(tx: Repositories, accountId: string, record: ContactMergeRecord): Promise<void> {
  const photo = record.mergedPhoto;
  const stored = photo && storedPhotoOf(photo, photo.updatedAt);
  if (stored) await tx.photos.put(accountId, record.mergedId, stored);
  if (record.photoTaken) await tx.photos.remove(accountId, record.keptId);
}

/**
 * The merged contact's relationships and asks move to the kept one before it goes (they would go with it): an edge
 * between the two, or one the kept contact already has, is left to go. Returns what undo needs.
 */
export async function moveNetwork(tx: Repositories, accountId: string, fromId: string, toId: string) {
  const relationships: { id: string; fromContactId: string; toContactId: string }[] = [];
  for (const edge of await tx.relationships.listForContact(accountId, fromId, 100_000)) {
    const from = edge.fromContactId === fromId ? toId : edge.fromContactId;
    const to = edge.toContactId === fromId ? toId : edge.toContactId;
    if (from === to) continue;
    if (await tx.relationships.setEnds(accountId, edge.id, from, to)) {
      relationships.push({ id: edge.id, fromContactId: edge.fromContactId, toContactId: edge.toContactId });
    }
  }
  const askIds = await tx.asks.askIdsTo(accountId, fromId);
  await tx.asks.reassign(accountId, askIds, toId);
  const namedInAskIds = await tx.asks.askIdsNaming(accountId, fromId);
  await tx.asks.renameNames(accountId, namedInAskIds, fromId, toId);
  return { relationships, askIds, namedInAskIds };
}

/** Undo of `moveNetwork`, once the merged contact is back: its edges, asks and names return to it. */
export async function putNetworkBack(tx: Repositories, accountId: string, record: ContactMergeRecord): Promise<void> {
  const moved = record.network;
  if (!moved) return;
  for (const r of moved.relationships) await tx.relationships.setEnds(accountId, r.id, r.fromContactId, r.toContactId);
  await tx.asks.reassign(accountId, moved.askIds, record.mergedId);
  await tx.asks.renameNames(accountId, moved.namedInAskIds, record.keptId, record.mergedId);
}
