import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { defaultTemplateById } from "./default-templates.ts";
import type { DraftContext } from "./draft-context.ts";
import { draftContextOf, loadDraftScope, MAX_OWN_TEMPLATES } from "./draft-service.ts";
import type { StoredTemplate } from "./message-template-port.ts";
import { isDefaultId, templateLibrary } from "./pick-template.ts";
import { checkTemplateSyntax, renderTemplate } from "./render-template.ts";
import {
  createTemplateSchema,
  type Draft,
  previewTemplateSchema,
  type Template,
  updateTemplateSchema,
} from "./schemas.ts";

/** The account's templates: Kith's defaults (edited or hidden ones marked) and its own. Any member may read. */
export async function listTemplates(deps: Deps, actor: Actor): Promise<{ items: Template[] }> {
  const stored = await deps.store.messageTemplates.list(actor.accountId, MAX_OWN_TEMPLATES + 50);
  return { items: templateLibrary(stored) };
}

async function findTemplate(deps: Deps, actor: Actor, id: string): Promise<Template> {
  const stored = await deps.store.messageTemplates.findById(actor.accountId, id);
  const found = templateLibrary(stored ? [stored] : []).find((t) => t.id === id);
  if (!found) throw notFound("template", id);
  return found;
}

export async function getTemplate(deps: Deps, actor: Actor, id: string): Promise<Template> {
  return findTemplate(deps, actor, id);
}

/** Adds an own template (editor); its text must parse, as a 400 naming `body` or `subject` with the line. */
export async function createTemplate(deps: Deps, actor: Actor, input: unknown): Promise<Template> {
  requireRole(actor, "editor");
  const data = parseInput(createTemplateSchema, input);
  checkTemplateSyntax(data);
  const ownCount = await deps.store.messageTemplates.count(actor.accountId);
  if (ownCount >= MAX_OWN_TEMPLATES) throw conflict(`an account keeps at most ${MAX_OWN_TEMPLATES} templates`);
  const nowAt = deps.clock.now().toISOString();
  const template: StoredTemplate = {
    id: `tpl_${deps.ids.newId()}`,
    ...data,
    hidden: false,
    createdAt: nowAt,
    updatedAt: nowAt,
  };
  await deps.store.messageTemplates.save(actor.accountId, template);
  return findTemplate(deps, actor, template.id);
}

/** Changes a template; a default's edit is stored as this account's copy, which overrides Kith's text. */
export async function updateTemplate(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Template> {
  requireRole(actor, "editor");
  const patch = parseInput(updateTemplateSchema, input);
  const current = await findTemplate(deps, actor, id);
  const next = { ...current, ...patch };
  checkTemplateSyntax(next);
  const stored = await deps.store.messageTemplates.findById(actor.accountId, id);
  const nowAt = deps.clock.now().toISOString();
  await deps.store.messageTemplates.save(actor.accountId, {
    id,
    name: next.name,
    channel: next.channel,
    slots: next.slots,
    subject: next.subject,
    body: next.body,
    hidden: false,
    createdAt: stored?.createdAt ?? nowAt,
    updatedAt: nowAt,
  });
  return findTemplate(deps, actor, id);
}

/** Deletes an own template; a default is hidden from this account (until restored). */
export async function deleteTemplate(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  const current = await findTemplate(deps, actor, id);
  if (!current.isDefault) {
    await deps.store.messageTemplates.delete(actor.accountId, id);
    return;
  }
  const original = defaultTemplateById(id);
  const nowAt = deps.clock.now().toISOString();
  await deps.store.messageTemplates.save(actor.accountId, {
    id,
    name: original?.name ?? current.name,
    channel: original?.channel ?? current.channel,
    slots: [...(original?.slots ?? current.slots)],
    subject: original?.subject ?? current.subject,
    body: original?.body ?? current.body,
    hidden: true,
    createdAt: nowAt,
    updatedAt: nowAt,
  });
}

/** Brings Kith's default back as it ships: the account's copy (an edit or a deletion) is removed. */
export async function restoreTemplate(deps: Deps, actor: Actor, id: string): Promise<Template> {
  requireRole(actor, "editor");
  if (!isDefaultId(id) || !defaultTemplateById(id)) throw notFound("template", id);
  await deps.store.messageTemplates.delete(actor.accountId, id);
  return findTemplate(deps, actor, id);
}

/** The person a preview shows when no contact is chosen. */
const SAMPLE_CONTEXT: DraftContext = {
  contact: {
    firstName: "Ana",
    lastName: "Lima",
    displayName: "Ana Lima",
    company: "Northwind",
    title: "Head of Design",
    howWeMet: "at the Lisbon design meetup",
    interests: ["climbing", "typography"],
  },
  lastTouch: { on: "", ago: "3 weeks ago", kind: "call", summary: "talked about her team's new studio", note: "" },
  openFollowUps: ["Send her the article on variable fonts"],
  gap: "three weeks",
};

/**
 * Renders a template's text for a chosen contact, or for a sample person; a broken template is a 400. Part of
 * editing templates, so an editor's.
 */
export async function previewTemplate(deps: Deps, actor: Actor, input: unknown): Promise<Draft> {
  requireRole(actor, "editor");
  const data = parseInput(previewTemplateSchema, input);
  checkTemplateSyntax(data);
  const scope = await loadDraftScope(deps, actor);
  const slot = data.slot ?? "check-in";
  let context: DraftContext = { ...SAMPLE_CONTEXT, me: scope.me, reason: slot };
  if (data.contactId) {
    const facts = (await deps.store.draftFacts.factsOf(actor.accountId, [data.contactId])).get(data.contactId);
    if (!facts) throw notFound("contact", data.contactId);
    const open = (await deps.store.followUps.openFacts(actor.accountId, [data.contactId])).get(data.contactId) ?? [];
    const titles = open.map((f) => f.title ?? "").filter((t) => t.trim() !== "");
    context = draftContextOf(facts, titles.slice(0, 10), scope, { slot }).context;
  }
  return renderTemplate({ id: null, name: "Preview", subject: data.subject, body: data.body }, context);
}
