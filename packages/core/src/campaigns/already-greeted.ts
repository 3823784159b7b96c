import type { Repositories } from "../ports/index.ts";
import type { Occasion, Recipient } from "./schemas.ts";

/** The same occasion whatever the campaign was called: its kind, and which holiday or which name of a custom one. */
export function occasionKey(o: Occasion): string {
  if (o.kind === "holiday") return `holiday:${o.holidayId ?? o.name}`;
  if (o.kind === "custom") return `custom:${o.name.normalize("NFKC").trim().toLocaleLowerCase()}`;
  return o.kind;
}

/** A recipient still greeted by their campaign: not taken out, not given up. */
const STILL_GREETED: ReadonlySet<Recipient["status"]> = new Set([
  "pending",
  "sending",
  "sent",
  "marked-sent",
  "unknown",
]);

/**
 * Who another campaign for the same occasion already greets this year (the campaign's year, as its default name
 * says), each with that campaign's name: a person in two segments (a circle and a tag) gets one greeting, not two.
 */
export async function alreadyGreeted(
  store: Pick<Repositories, "campaigns">,
  accountId: string,
  occasion: Occasion,
  year: string,
): Promise<Map<string, string>> {
  const key = occasionKey(occasion);
  const greeted = new Map<string, string>();
  const same = (await store.campaigns.list(accountId)).filter(
    (c) => occasionKey(c.occasion) === key && c.createdAt.slice(0, 4) === year,
  );
  for (const campaign of same) {
    for (const r of await store.campaigns.recipients(accountId, campaign.id)) {
      if (STILL_GREETED.has(r.status) && !greeted.has(r.contactId)) greeted.set(r.contactId, campaign.name);
    }
  }
  return greeted;
}
