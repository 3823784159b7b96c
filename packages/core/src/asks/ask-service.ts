import { type Actor, requireRole } from "../accounts/roles.ts";
import { createContactIn } from "../contacts/contact-service.ts";
import { createContactSchema } from "../contacts/schemas.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { logInteractionIn } from "../interactions/interaction-service.ts";
import { doneDirectionOf } from "../interactions/schemas.ts";
import { addRelationshipIn } from "../network/relationship-service.ts";
import { STRENGTH_DEFAULT } from "../network/schemas.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { localDateOf } from "../time/zones.ts";
import { applyMoves, moveIn } from "./ask-moves.ts";
import type { AskRecord } from "./ask-port.ts";
import { followUpsOfNewAsk } from "./ask-rules.ts";
import { presentAsk, presentAsks } from "./present-asks.ts";
import {
  ASK_NAMES_MAX,
  ASKS_MAX,
  type Ask,
  addAskNameSchema,
  addAskSchema,
  askListQuerySchema,
  askStatusInputSchema,
  updateAskSchema,
} from "./schemas.ts";

/** The ask as it is now, its person held first (its follow-ups change their due state). */
async function lockedAsk(tx: Repositories, accountId: string, id: string, also: string[] = []): Promise<AskRecord> {
  const seen = await tx.asks.findById(accountId, id);
  if (!seen) throw notFound("ask", id);
  await tx.contacts.lockExisting(accountId, [seen.contactId, ...also]);
  const current = await tx.asks.findById(accountId, id);
  if (!current) throw notFound("ask", id);
  return current;
}

async function checkCompany(tx: Repositories, accountId: string, companyId: string | null | undefined) {
  if (companyId && !(await tx.companies.findById(accountId, companyId))) throw notFound("company", companyId);
}

const aboutWords = (ask: { aboutText: string }, companyName: string | null) =>
  companyName ? `who do you know at ${companyName}?` : `who do you know: ${ask.aboutText}?`;

/**
 * Records a "who do you know?" ask (editor): the ask, an outbound message to the person asked that waits for a
 * reply (so the usual nudges and move-on apply), and a nudge follow-up 7 days later, in one transaction.
 */
export async function addAsk(deps: Deps, actor: Actor, input: unknown): Promise<Ask> {
  requireRole(actor, "editor");
  const data = parseInput(addAskSchema, input);
  const nowAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const held = await tx.contacts.lockExisting(actor.accountId, [data.contactId]);
    if (!held.has(data.contactId)) throw notFound("contact", data.contactId);
    const companyId = data.about.companyId ?? null;
    await checkCompany(tx, actor.accountId, companyId);
    const company = companyId ? await tx.companies.findById(actor.accountId, companyId) : null;
    const askedAt = data.askedAt ?? nowAt;
    const ask: AskRecord = {
      id: deps.ids.newId(),
      contactId: data.contactId,
      aboutKind: data.about.kind,
      aboutText: data.about.text ?? "",
      aboutCompanyId: companyId,
      note: data.note ?? "",
      status: "asked",
      askedAt,
      statusChangedAt: askedAt,
      createdAt: nowAt,
      updatedAt: nowAt,
    };
    await tx.asks.insert(actor.accountId, ask);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    const person = await tx.contacts.findById(actor.accountId, ask.contactId);
    const create = followUpsOfNewAsk(localDateOf(askedAt, ctx.settings.engine.timeZone), person?.displayName ?? "");
    await applyMoves(tx, deps, actor, ask, { create, close: [] }, false);
    await logInteractionIn(deps, tx, actor, {
      contactIds: [ask.contactId],
      kind: "message",
      direction: "outbound",
      occurredAt: askedAt,
      summary: `Asked ${aboutWords(ask, company?.name ?? null)}`,
      awaitsReply: true,
    });
    return presentAsk(tx, actor.accountId, ask);
  });
}

export async function listAsks(deps: Deps, actor: Actor, query: unknown): Promise<Ask[]> {
  requireRole(actor, "viewer");
  const q = parseInput(askListQuerySchema, query ?? {});
  return presentAsks(deps.store, actor.accountId, await deps.store.asks.list(actor.accountId, q, ASKS_MAX));
}

export async function getAsk(deps: Deps, actor: Actor, id: string): Promise<Ask> {
  requireRole(actor, "viewer");
  const ask = await deps.store.asks.findById(actor.accountId, id);
  if (!ask) throw notFound("ask", id);
  return presentAsk(deps.store, actor.accountId, ask);
}

export async function updateAsk(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Ask> {
  requireRole(actor, "editor");
  const patch = parseInput(updateAskSchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await lockedAsk(tx, actor.accountId, id);
    if (patch.about) await checkCompany(tx, actor.accountId, patch.about.companyId);
    const next: AskRecord = {
      ...current,
      ...(patch.about
        ? {
            aboutKind: patch.about.kind,
            aboutText: patch.about.text ?? "",
            aboutCompanyId: patch.about.companyId ?? null,
          }
        : {}),
      note: patch.note ?? current.note,
      updatedAt: deps.clock.now().toISOString(),
    };
    await tx.asks.update(actor.accountId, next);
    return presentAsk(tx, actor.accountId, next);
  });
}

/** Deletes an ask (editor); its open follow-ups are skipped (the names and their edges stay). */
export async function deleteAsk(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  await deps.store.transaction(async (tx) => {
    const ask = await lockedAsk(tx, actor.accountId, id);
    const existing = await tx.asks.followUpsOf(actor.accountId, [ask.id]);
    const close = existing
      .filter((f) => f.status === "open" || f.status === "snoozed")
      .map((f) => ({ id: f.id, status: "skipped" as const }));
    await applyMoves(tx, deps, actor, ask, { create: [], close }, true);
    await tx.asks.delete(actor.accountId, ask.id);
  });
}

/**
 * A name received (editor): an existing contact linked, or a new one created, with an introduced-by edge to the
 * person asked; an ask still `asked` becomes `named` (its nudge done).
 */
export async function addAskName(deps: Deps, actor: Actor, id: string, input: unknown) {
  requireRole(actor, "editor");
  const data = parseInput(addAskNameSchema, input);
  const nowAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    let ask = await lockedAsk(tx, actor.accountId, id, "contactId" in data ? [data.contactId] : []);
    if (ask.status === "declined") throw conflict("this ask was declined: ask again before adding names");
    const names = await tx.asks.namesOf(actor.accountId, [ask.id]);
    if (names.length >= ASK_NAMES_MAX) throw invalid("contactId", `an ask keeps at most ${ASK_NAMES_MAX} names`);
    let contact: { id: string; displayName: string };
    if ("contactId" in data) {
      if (data.contactId === ask.contactId) throw invalid("contactId", "must be someone other than the person asked");
      const found = await tx.contacts.findById(actor.accountId, data.contactId);
      if (!found) throw notFound("contact", data.contactId);
      contact = found;
    } else {
      const draft = parseInput(createContactSchema, {
        ...(data.firstName ? { firstName: data.firstName } : {}),
        ...(data.lastName ? { lastName: data.lastName } : {}),
        ...(data.email ? { emails: [{ address: data.email }] } : {}),
        ...(data.companyId ? { companyId: data.companyId } : {}),
        ...(data.title ? { title: data.title } : {}),
      });
      contact = await createContactIn(tx, deps, actor, draft);
    }
    const edge = await tx.relationships.findByPair(actor.accountId, "introduced-by", contact.id, ask.contactId);
    const relationship =
      edge ??
      (await addRelationshipIn(
        tx,
        actor.accountId,
        {
          id: deps.ids.newId(),
          fromContactId: contact.id,
          toContactId: ask.contactId,
          kind: "introduced-by",
          how: "",
          strength: STRENGTH_DEFAULT,
          sinceOn: null,
        },
        nowAt,
      ));
    const added = await tx.asks.addName(actor.accountId, {
      askId: ask.id,
      contactId: contact.id,
      relationshipId: relationship.id,
      receivedAt: nowAt,
    });
    if (!added) throw conflict(`${contact.displayName} is already a name of this ask`);
    if (ask.status === "asked") ask = await moveIn(tx, deps, actor, ask, "named");
    return {
      ask: await presentAsk(tx, actor.accountId, ask),
      contact: { id: contact.id, displayName: contact.displayName },
      relationshipId: relationship.id,
    };
  });
}

/** `POST /api/asks/{id}/status`: with "met" and `log`, the meeting with the names is logged in the same act. */
export async function moveAsk(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Ask> {
  requireRole(actor, "editor");
  const data = parseInput(askStatusInputSchema, input);
  if (data.log && data.status !== "met") throw invalid("log", 'a meeting is logged only with the status "met"');
  return deps.store.transaction(async (tx) => {
    // Logging the meeting changes the names too: they are locked with the person asked, in one order.
    const seen = data.log ? await tx.asks.namesOf(actor.accountId, [id]) : [];
    const ask = await lockedAsk(
      tx,
      actor.accountId,
      id,
      seen.map((n) => n.contactId),
    );
    if (data.log) {
      const names = await tx.asks.namesOf(actor.accountId, [ask.id]);
      if (names.length === 0) throw invalid("log", "this ask has no names yet: add the person you met first");
      await logInteractionIn(deps, tx, actor, {
        contactIds: names.map((n) => n.contactId),
        kind: data.log.kind,
        direction: doneDirectionOf(data.log.kind),
        summary: data.log.summary ?? "",
        awaitsReply: false,
      });
    }
    // Logging the meeting may have moved the ask already (a touch with a name): read it again.
    const current = (await tx.asks.findById(actor.accountId, ask.id)) ?? ask;
    return presentAsk(tx, actor.accountId, await moveIn(tx, deps, actor, current, data.status));
  });
}
