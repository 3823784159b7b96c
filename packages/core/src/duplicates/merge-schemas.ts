import { z } from "zod";
import type { PhotoContentType } from "../contacts/photo-bytes.ts";
import { type Contact, contactSchema } from "../contacts/schemas.ts";
import { MATCH_KINDS } from "../imports/schemas.ts";

export const mergeContactsSchema = z.strictObject({
  /** The contact that stays. */
  keepId: z.string().min(1).max(64),
  /** The contact folded into it; it goes away until the merge is undone. */
  mergeId: z.string().min(1).max(64),
});

/**
 * Two contacts the member says are not the same person (or, undoing that, might be). That they are two different
 * contacts is checked by the service after the role and the contacts themselves (a viewer hears 403, another
 * account's contact 404, whatever the pair).
 */
export const dismissDuplicateSchema = z.strictObject({
  contactIds: z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]),
});

export const mergeResultSchema = z.object({ mergeId: z.string(), contact: contactSchema });
export type MergeResult = z.output<typeof mergeResultSchema>;

/** What a merge changed, kept so that undo puts back exactly what was there. */
export interface ContactMergeRecord {
  id: string;
  keptId: string;
  mergedId: string;
  keptBefore: Contact;
  mergedBefore: Contact;
  /** Interactions moved from the merged contact, with their contact lists before the merge. */
  interactions: { id: string; contactIds: string[] }[];
  followUpIds: string[];
  /** The merged contact's photo (base64), gone with it; absent in records from before photos. */
  mergedPhoto?: { contentType: PhotoContentType; data: string; updatedAt: string } | null;
  /** Whether the kept contact, having none, took the merged contact's photo. */
  photoTaken?: boolean;
  /** The merged contact's "not the same person" pairs ([a, b], a < b), gone with it; undo puts them back. */
  dismissals?: [string, string][];
  /**
   * The merged contact's relationships moved to the kept one (with their ends before), the asks made to it and the
   * asks that named it; absent in records from before the network. An edge that would have doubled one of the kept
   * contact's (or joined the two) went with the merged contact, and does not come back.
   */
  network?: {
    relationships: { id: string; fromContactId: string; toContactId: string }[];
    askIds: string[];
    namedInAskIds: string[];
  };
  /** The kept contact's updatedAt right after the merge: undo refuses if it changed since. */
  keptUpdatedAt: string;
  mergedAt: string;
  undoneAt: string | null;
}

export const duplicateSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  duplicateOfId: z.string(),
  duplicateOfName: z.string(),
  by: z.enum(MATCH_KINDS),
});
export type Duplicate = z.output<typeof duplicateSchema>;
