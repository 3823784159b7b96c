import { z } from "zod";
import { updateAccountSchema } from "../accounts/schemas.ts";
import { createCompanySchema } from "../companies/schemas.ts";
import { dedupe } from "../contacts/new-contact.ts";
import { createContactSchema } from "../contacts/schemas.ts";
import { notifySettingsSchema } from "../delivery/schemas.ts";
import { createWebhookSchema, MAX_WEBHOOKS } from "../delivery/webhooks/webhook-schemas.ts";
import { engineSettingsSchema } from "../engine/settings.ts";
import { addFollowUpSchema } from "../follow-ups/schemas.ts";
import { logInteractionSchema } from "../interactions/schemas.ts";
import { DEFAULT_TEMPLATES, defaultTemplateById } from "../messages/default-templates.ts";
import { MAX_OWN_TEMPLATES } from "../messages/draft-service.ts";
import { checkTemplateSyntax } from "../messages/render-template.ts";
import { createTemplateSchema } from "../messages/schemas.ts";
import { parseAccountSettings, updateSettingsSchema } from "../settings/account-settings.ts";
import { DomainError, type FieldIssue, invalid } from "../shared/errors.ts";
import { saneDateOn, saneInstant } from "../shared/sane-dates.ts";
import { parseInput } from "../shared/validate.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import {
  type Backup,
  backupCompanySchema,
  backupContactSchema,
  backupDuplicateDismissalSchema,
  backupFollowUpSchema,
  backupInteractionSchema,
  backupSchema,
  backupTemplateSchema,
  backupWebhookSchema,
} from "./backup-schema.ts";

/** Items checked between two turns of the event loop: a few milliseconds of zod each. */
const VALIDATE_SLICE = 2000;
/** Rows checked through the write schemas between two turns of the event loop. */
const CHECK_SLICE = 100;

type Path = readonly (string | number)[];

/** A row's issues, paths relative to the row; `checkList` puts the list's name and the row's index in front. */
class RowIssues extends Error {
  constructor(readonly issues: readonly { path: Path; message: string }[]) {
    super(issues[0]?.message ?? "invalid");
  }
}

const fail = (issues: readonly { path: Path; message: string }[]): DomainError => {
  const named: FieldIssue[] = issues.map((i) => ({
    path: i.path.length > 0 ? i.path.join(".") : "(body)",
    ...{ message: i.message },
  }));
  return new DomainError("validation", `${named[0]?.path}: ${named[0]?.message}`, named);
};

/**
 * Parses a row's fields with the schema every other write of them goes through, and names a failing field as the
 * backup spells it (`rename`: the write's field → the backup's, e.g. contactIds → contactRefs).
 */
function asWritten<S extends z.ZodType>(schema: S, input: unknown, rename: Record<string, string> = {}): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new RowIssues(
    result.error.issues.map((issue) => {
      const [head, ...rest] = issue.path;
      const field = head === undefined ? [] : [rename[String(head)] ?? head];
      return { path: [...field, ...rest].map((p) => (typeof p === "symbol" ? String(p) : p)), message: issue.message };
    }),
  );
}

/** Checks one field with a schema, naming it. */
function field<S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RowIssues(
    result.error.issues.map((issue) => ({
      path: [name, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      message: issue.message,
    })),
  );
}

const nullableInstant = (name: string, value: string | null) =>
  value === null ? null : field(name, saneInstant, value);

const settingsFields = updateSettingsSchema.pick({ muted: true, mutedTags: true, tagCadences: true, myUpdate: true });

/** What the account is: name, time zone, country and settings, as `updateAccount` and `updateSettings` take them. */
function checkAccountRow(account: Backup["account"]): { account: Backup["account"]; circles: Set<string> } {
  const { name, timeZone, country } = asWritten(updateAccountSchema.required(), {
    name: account.name,
    timeZone: account.timeZone,
    country: account.country,
  });
  const { engine = {}, ...rest } = account.settings;
  asWritten(settingsFields, rest, {
    muted: "settings.muted",
    mutedTags: "settings.mutedTags",
    tagCadences: "settings.tagCadences",
    myUpdate: "settings.myUpdate",
  });
  for (const key of Object.keys(engine)) {
    if (!Object.hasOwn(engineSettingsSchema.shape, key) || key === "timeZone" || key === "country") {
      throw new RowIssues([{ path: ["settings", "engine", key], message: "is not an engine setting" }]);
    }
  }
  try {
    const settings = parseAccountSettings(JSON.stringify(account.settings), { timeZone, country });
    return { account: { ...account, name, timeZone, country }, circles: new Set(Object.keys(settings.engine.circles)) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new RowIssues(error.issues.map((i) => ({ path: ["settings", "engine", i.path], message: i.message })));
  }
}

function checkAccount(account: Backup["account"]): ReturnType<typeof checkAccountRow> {
  try {
    return checkAccountRow(account);
  } catch (error) {
    if (!(error instanceof RowIssues)) throw error;
    throw fail(error.issues.map((i) => ({ path: ["account", ...i.path], message: i.message })));
  }
}

function checkCompany(c: z.output<typeof backupCompanySchema>) {
  const data = asWritten(createCompanySchema, { name: c.name, domain: c.domain, target: c.target, notes: c.notes });
  const createdAt = field("createdAt", saneInstant, c.createdAt);
  const updatedAt = field("updatedAt", saneInstant, c.updatedAt);
  return { ...c, name: data.name, domain: data.domain ?? null, notes: data.notes ?? "", createdAt, updatedAt };
}

function checkContact(c: z.output<typeof backupContactSchema>, circles: ReadonlySet<string>) {
  const { firstName, lastName, emails, phones, links, title, tags, interests, howWeMet, notes } = c;
  const { birthday, circle, timeZone, muted, cadenceOverride } = c;
  // The same schema as a contact added by hand: limits, emails, links, dates, time zone. An empty name is absent.
  const data = asWritten(createContactSchema, {
    ...{ firstName: firstName || undefined, lastName: lastName || undefined, emails, phones, links, title, tags },
    ...{ interests, howWeMet, notes, birthday, circle, timeZone, muted, cadenceOverride },
  });
  for (const [name, value] of [
    ["circle", c.circle],
    ["circleBeforeMoveOn", c.circleBeforeMoveOn],
  ] as const) {
    if (value !== null && !circles.has(value)) {
      throw new RowIssues([
        { path: [name], message: `is not one of the backup's circles (${[...circles].join(", ")})` },
      ]);
    }
  }
  return {
    ...c,
    ...{ firstName: data.firstName ?? "", lastName: data.lastName ?? "", emails: data.emails ?? [] },
    ...{ phones: data.phones ?? [], links: data.links ?? [], title: data.title ?? "", tags: dedupe(data.tags) },
    ...{ interests: dedupe(data.interests), howWeMet: data.howWeMet ?? "", notes: data.notes ?? "" },
    snoozedUntilOn: c.snoozedUntilOn === null ? null : field("snoozedUntilOn", saneDateOn, c.snoozedUntilOn),
    movedOnAt: nullableInstant("movedOnAt", c.movedOnAt),
    moveOnNote: c.moveOnNote === null ? null : field("moveOnNote", z.string().max(2000), c.moveOnNote),
    archivedAt: nullableInstant("archivedAt", c.archivedAt),
    createdAt: field("createdAt", saneInstant, c.createdAt),
    updatedAt: field("updatedAt", saneInstant, c.updatedAt),
  };
}

function checkInteraction(x: z.output<typeof backupInteractionSchema>) {
  const { contactRefs, kind, direction, occurredAt, summary, meaningful, source } = x;
  const data = asWritten(
    logInteractionSchema,
    { contactIds: contactRefs, kind, direction, occurredAt, summary, meaningful, source },
    { contactIds: "contactRefs" },
  );
  const twice = contactRefs.findIndex((r, i) => contactRefs.indexOf(r) !== i);
  if (twice >= 0) throw new RowIssues([{ path: ["contactRefs", twice], message: `names ${contactRefs[twice]} twice` }]);
  return {
    ...x,
    occurredAt: data.occurredAt ?? occurredAt,
    summary: data.summary ?? "",
    createdAt: field("createdAt", saneInstant, x.createdAt),
    updatedAt: field("updatedAt", saneInstant, x.updatedAt),
  };
}

function checkFollowUp(f: z.output<typeof backupFollowUpSchema>) {
  const { contactRef, dueOn, title, notes, opportunityId, askId } = f;
  const data = asWritten(
    addFollowUpSchema,
    { contactId: contactRef, dueOn, title, notes, opportunityId, askId },
    { contactId: "contactRef" },
  );
  return {
    ...f,
    ...{ title: data.title, notes: data.notes ?? "" },
    snoozedUntilOn: f.snoozedUntilOn === null ? null : field("snoozedUntilOn", saneDateOn, f.snoozedUntilOn),
    completedAt: nullableInstant("completedAt", f.completedAt),
    createdAt: field("createdAt", saneInstant, f.createdAt),
    updatedAt: field("updatedAt", saneInstant, f.updatedAt),
  };
}

function checkWebhook(w: z.output<typeof backupWebhookSchema>) {
  const data = asWritten(createWebhookSchema, { url: w.url, format: w.format });
  return { ...w, url: data.url, createdAt: field("createdAt", saneInstant, w.createdAt) };
}

/** A template through the write schema, its text parsed; a copy of a default names one Kith has. */
function checkTemplate(t: z.output<typeof backupTemplateSchema>) {
  const { defaultId, hidden, createdAt, updatedAt, ...rest } = t;
  const data = asWritten(createTemplateSchema, rest);
  if (defaultId !== null && !defaultTemplateById(defaultId)) {
    throw new RowIssues([{ path: ["defaultId"], message: "is not one of Kith's default templates" }]);
  }
  try {
    checkTemplateSyntax(data);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new RowIssues(error.issues.map((i) => ({ path: [i.path], message: i.message })));
  }
  return {
    ...data,
    defaultId,
    hidden,
    createdAt: field("createdAt", saneInstant, createdAt),
    updatedAt: field("updatedAt", saneInstant, updatedAt),
  };
}

/** A default has at most one copy per account. */
function onceEachDefault<T extends { defaultId: string | null }>(templates: T[]): T[] {
  const seen = new Set<string>();
  for (const [i, t] of templates.entries()) {
    if (t.defaultId === null) continue;
    if (seen.has(t.defaultId)) throw invalid(`templates.${i}.defaultId`, `${t.defaultId} has an earlier copy`);
    seen.add(t.defaultId);
  }
  return templates;
}

/** Its shape, then its values through the write schemas, a slice at a time; paths name the whole document's field. */
async function checkList<S extends z.ZodType, R>(
  name: string,
  schema: S,
  items: unknown[],
  check: (row: z.output<S>) => R,
): Promise<R[]> {
  const out: R[] = [];
  const slice = z.array(schema);
  for (let start = 0; start < items.length; start += VALIDATE_SLICE) {
    const result = slice.safeParse(items.slice(start, start + VALIDATE_SLICE));
    if (!result.success) {
      // The same paths as one parse of the whole document would name: "contacts.1234.firstName".
      throw fail(
        result.error.issues.map((issue) => {
          const [index, ...rest] = issue.path;
          return { path: [name, start + Number(index), ...rest.map(String)], message: issue.message };
        }),
      );
    }
    for (const [j, row] of result.data.entries()) {
      try {
        out.push(check(row));
      } catch (error) {
        if (!(error instanceof RowIssues)) throw error;
        throw fail(error.issues.map((i) => ({ path: [name, start + j, ...i.path], message: i.message })));
      }
      // The write schemas cost a fraction of a millisecond a row (a time zone, an email, a URL): a turn every
      // CHECK_SLICE rows keeps other requests waiting a few tens of milliseconds at most.
      if ((j + 1) % CHECK_SLICE === 0) await yieldToLoop();
    }
    await yieldToLoop();
  }
  const refs = new Set<string>();
  for (const [i, row] of (out as { ref?: string }[]).entries()) {
    if (row.ref === undefined) continue;
    if (refs.has(row.ref)) throw invalid(`${name}.${i}.ref`, `${row.ref} is used by an earlier row`);
    refs.add(row.ref);
  }
  return out;
}

/** The pairs dismissed as "not the same person": their shape, and two different contacts in each. */
function checkDismissals(items: unknown[]): Backup["duplicateDismissals"] {
  const name = "duplicateDismissals";
  const result = z.array(backupDuplicateDismissalSchema).safeParse(items);
  if (!result.success) {
    throw fail(result.error.issues.map((i) => ({ path: [name, ...i.path.map(String)], message: i.message })));
  }
  for (const [i, { contactRefs }] of result.data.entries()) {
    if (contactRefs[0] === contactRefs[1]) throw invalid(`${name}.${i}.contactRefs.1`, `names ${contactRefs[1]} twice`);
  }
  return result.data;
}

/** The backup's frame (format, version, account) with its lists unchecked: they are checked a slice at a time. */
const frameSchema = backupSchema.extend({
  webhooks: z.array(z.unknown()).max(MAX_WEBHOOKS),
  companies: z.array(z.unknown()),
  contacts: z.array(z.unknown()),
  interactions: z.array(z.unknown()),
  followUps: z.array(z.unknown()),
  duplicateDismissals: z.array(z.unknown()).default([]),
  templates: z
    .array(z.unknown())
    .max(MAX_OWN_TEMPLATES + DEFAULT_TEMPLATES.length)
    .default([]),
});

/** A version 1 backup is a version 2 one without a digest schedule, webhooks, or follow-ups' opportunity and ask. */
function upgrade(input: unknown): unknown {
  if (typeof input !== "object" || input === null || (input as { version?: unknown }).version !== 1) return input;
  const v1 = input as Record<string, unknown>;
  const followUps = Array.isArray(v1.followUps)
    ? v1.followUps.map((f) => (typeof f === "object" && f !== null ? { opportunityId: null, askId: null, ...f } : f))
    : v1.followUps;
  return { notify: null, webhooks: [], ...v1, version: 2, followUps };
}

/**
 * Checks a backup like `parseInput(backupSchema, …)` and then every value through the schema its kind of row is
 * written with everywhere else (`createContactSchema`, `logInteractionSchema`, `addFollowUpSchema`,
 * `createCompanySchema`, `createWebhookSchema`, `updateAccountSchema`, the settings' own parse): a restore stores
 * nothing the API would refuse, and a bad value is a 400 naming its path in the backup
 * (`contacts.3.emails.0.address`). A slice of rows at a time with a turn of the event loop between slices: a
 * backup of a million rows takes seconds of zod, which would otherwise hold every other request for as long.
 */
export async function validateBackup(input: unknown): Promise<Backup> {
  const frame = parseInput(frameSchema, upgrade(input));
  const { account, circles } = checkAccount(frame.account);
  const notify = frame.notify === null ? null : parseInput(z.object({ notify: notifySettingsSchema }), frame).notify;
  return {
    ...frame,
    account,
    notify,
    webhooks: await checkList("webhooks", backupWebhookSchema, frame.webhooks, checkWebhook),
    companies: await checkList("companies", backupCompanySchema, frame.companies, checkCompany),
    contacts: await checkList("contacts", backupContactSchema, frame.contacts, (c) => checkContact(c, circles)),
    interactions: await checkList("interactions", backupInteractionSchema, frame.interactions, checkInteraction),
    followUps: await checkList("followUps", backupFollowUpSchema, frame.followUps, checkFollowUp),
    duplicateDismissals: checkDismissals(frame.duplicateDismissals),
    templates: onceEachDefault(await checkList("templates", backupTemplateSchema, frame.templates, checkTemplate)),
  };
}

export type Refs = Map<string, string>;

export function resolve(refs: Refs, ref: string, path: string): string {
  const id = refs.get(ref);
  if (!id) throw invalid(path, `refers to ${ref}, which is not in the backup`);
  return id;
}

/** Every row's new id by its ref, and every reference checked, before anything is written. */
export interface RestorePlan {
  companyIds: Refs;
  contactIds: Refs;
  interactionIds: Refs;
}

export function planRestore(b: Backup, newId: () => string): RestorePlan {
  const idsOf = (rows: readonly { ref: string }[]): Refs => new Map(rows.map((r) => [r.ref, newId()]));
  const plan = { companyIds: idsOf(b.companies), contactIds: idsOf(b.contacts), interactionIds: idsOf(b.interactions) };
  for (const [i, c] of b.contacts.entries()) {
    if (c.companyRef) resolve(plan.companyIds, c.companyRef, `contacts.${i}.companyRef`);
  }
  for (const [i, x] of b.interactions.entries()) {
    for (const [j, r] of x.contactRefs.entries()) resolve(plan.contactIds, r, `interactions.${i}.contactRefs.${j}`);
  }
  for (const [i, f] of b.followUps.entries()) {
    resolve(plan.contactIds, f.contactRef, `followUps.${i}.contactRef`);
    if (f.interactionRef) resolve(plan.interactionIds, f.interactionRef, `followUps.${i}.interactionRef`);
  }
  for (const [i, d] of b.duplicateDismissals.entries()) {
    for (const [j, r] of d.contactRefs.entries()) {
      resolve(plan.contactIds, r, `duplicateDismissals.${i}.contactRefs.${j}`);
    }
  }
  return plan;
}
