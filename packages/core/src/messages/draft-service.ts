import type { Actor } from "../accounts/roles.ts";
import type { EngineContext } from "../due-state/engine-context.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { daysBetween, localDateOf } from "../time/index.ts";
import type { DraftContext } from "./draft-context.ts";
import type { DraftFacts } from "./message-template-port.ts";
import { pickTemplate, templateLibrary } from "./pick-template.ts";
import { renderTemplate } from "./render-template.ts";
import { type Draft, type DraftOptions, type DraftSlot, draftOptionsSchema, type Template } from "./schemas.ts";
import { agoWords, gapWords } from "./time-words.ts";

/** How many of an account's own templates are read for drafts (the library's limit). */
export const MAX_OWN_TEMPLATES = 200;

/** How a logged kind reads in "our last … was 3 weeks ago". */
const KIND_WORDS: Record<string, string> = {
  email: "email",
  call: "call",
  meeting: "meeting",
  message: "message",
  letter: "letter",
  social: "chat",
  other: "conversation",
};

/** One draft to make: whom, for which slot, with what the reason brings (an occasion's name, an article). */
export interface DraftRequest {
  contactId: string;
  slot: DraftSlot;
  templateId?: string | undefined;
  occasion?: { name: string } | undefined;
  article?: { title: string; url: string; description: string } | undefined;
  personalLine?: string | undefined;
  company?: string | undefined;
}

/** What every draft of one request shares: the account's library, its today, the member's name and update. */
export interface DraftScope {
  library: Template[];
  todayOn: string;
  timeZone: string;
  me: { name: string; update: string };
}

export async function loadDraftScope(deps: Deps, actor: Actor, ctx?: EngineContext): Promise<DraftScope> {
  const engine = ctx ?? (await loadEngineContext(deps.store, actor.accountId, deps.clock.now()));
  const stored = await deps.store.messageTemplates.list(actor.accountId, MAX_OWN_TEMPLATES + 50);
  return {
    library: templateLibrary(stored),
    todayOn: engine.todayOn,
    timeZone: engine.settings.engine.timeZone,
    me: {
      name: await deps.store.draftFacts.memberName(actor.accountId, actor.userId),
      update: engine.settings.myUpdate,
    },
  };
}

/** The context a template sees for one person, from what the store knows (pure). */
export function draftContextOf(
  facts: DraftFacts,
  openFollowUps: string[],
  scope: DraftScope,
  request: Omit<DraftRequest, "contactId" | "templateId">,
): { context: DraftContext; gapDays: number | null } {
  const touchOn = facts.lastTouch ? localDateOf(facts.lastTouch.occurredAt, scope.timeZone) : null;
  const gapDays = touchOn ? Math.max(0, daysBetween(touchOn, scope.todayOn)) : null;
  const context: DraftContext = {
    contact: {
      firstName: facts.firstName,
      lastName: facts.lastName,
      displayName: facts.displayName,
      company: facts.company,
      title: facts.title,
      howWeMet: facts.howWeMet,
      interests: facts.interests,
    },
    lastTouch:
      facts.lastTouch && touchOn && gapDays !== null
        ? {
            on: touchOn,
            ago: agoWords(gapDays),
            kind: KIND_WORDS[facts.lastTouch.kind] ?? "conversation",
            summary: firstLine(facts.lastTouch.summary),
            note: facts.lastTouch.summary,
          }
        : null,
    openFollowUps,
    me: scope.me,
    gap: gapDays === null ? "" : gapWords(gapDays),
    reason: request.slot,
    occasion: request.occasion ?? null,
    article: request.article ?? null,
    company: request.company ?? "",
    personalLine: request.personalLine ?? "",
  };
  return { context, gapDays };
}

const firstLine = (s: string): string => (s.split(/\r?\n/)[0] ?? "").trim();

/**
 * Drafts for many people at once (the today list): the facts of every contact in one read, their open follow-ups in
 * another, then one render each. Contacts not found in the account are left out of the answer.
 */
export async function draftsFor(
  deps: Deps,
  actor: Actor,
  scope: DraftScope,
  requests: readonly DraftRequest[],
): Promise<Map<string, Draft>> {
  const ids = [...new Set(requests.map((r) => r.contactId))];
  const facts = await deps.store.draftFacts.factsOf(actor.accountId, ids);
  const followUps = await deps.store.followUps.openFacts(actor.accountId, ids);
  const drafts = new Map<string, Draft>();
  for (const request of requests) {
    const f = facts.get(request.contactId);
    if (!f) continue;
    const titles = (followUps.get(request.contactId) ?? [])
      .map((x) => x.title ?? "")
      .filter((t) => t.trim() !== "")
      .slice(0, 10);
    const { context, gapDays } = draftContextOf(f, titles, scope, request);
    const chosen = request.templateId ? scope.library.find((t) => t.id === request.templateId) : undefined;
    if (request.templateId && !chosen) throw notFound("template", request.templateId);
    const template = chosen ?? pickTemplate(scope.library, request.slot, gapDays);
    drafts.set(request.contactId, renderTemplate(template, context));
  }
  return drafts;
}

/**
 * A draft for one person: the account's template for the slot (its own preferred over Kith's default; a check-in
 * when no slot is given) or the chosen template, rendered with what Kith knows of them. Any member may ask.
 */
export async function draftFor(
  deps: Deps,
  actor: Actor,
  contactId: string,
  options: DraftOptions = {},
): Promise<Draft> {
  const o = parseInput(draftOptionsSchema, options);
  const scope = await loadDraftScope(deps, actor);
  const drafts = await draftsFor(deps, actor, scope, [
    {
      contactId,
      slot: o.slot ?? "check-in",
      templateId: o.templateId,
      occasion: o.occasion,
      article: o.article,
      personalLine: o.personalLine,
      company: o.company,
    },
  ]);
  const draft = drafts.get(contactId);
  if (!draft) throw notFound("contact", contactId);
  return draft;
}
