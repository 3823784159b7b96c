import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  addFollowUp,
  createCompany,
  createContact,
  createTemplate,
  type Deps,
  DomainError,
  deleteTemplate,
  draftFor,
  exportBackup,
  getToday,
  listTemplates,
  logInteraction,
  previewTemplate,
  restoreBackup,
  restoreTemplate,
  updateSettings,
  updateTemplate,
} from "../index.ts";

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, path: error.issues[0]?.path };
    throw error;
  }
  return null;
};

async function ana(deps: Deps, actor: Actor) {
  const company = await createCompany(deps, actor, { name: "Northwind" });
  const contact = await createContact(deps, actor, {
    firstName: "Ana",
    lastName: "Lima",
    companyId: company.id,
    title: "Head of Design",
    interests: ["climbing"],
    howWeMet: "at the Lisbon meetup",
  });
  await logInteraction(deps, actor, {
    contactIds: [contact.id],
    kind: "call",
    direction: "mutual",
    occurredAt: "2026-10-12T15:00:00.000Z",
    summary: "Talked about her studio plans\nand a long aside",
  });
  await addFollowUp(deps, actor, { contactId: contact.id, dueOn: "2026-12-20", title: "Send the deck" });
  return contact;
}

describe.each(DIALECTS)("templates and drafts on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("lists the defaults, adds, edits, hides and restores per account", async () => {
    const { deps, alice, bob } = w;
    const before = await listTemplates(deps, alice);
    expect(before.items.map((t) => t.id)).toContain("default:check-in");
    expect(before.items.every((t) => t.isDefault && !t.customized && !t.hidden)).toBe(true);

    const own = await createTemplate(deps, alice, {
      name: "Coffee?",
      slots: ["check-in"],
      subject: "Coffee, {{ contact.firstName }}?",
      body: "Hi {{ contact.firstName }}, coffee soon?",
    });
    expect(own).toMatchObject({ isDefault: false, channel: "any", slots: ["check-in"] });

    const edited = await updateTemplate(deps, alice, "default:birthday", {
      body: "Happy birthday {{ contact.firstName }}!",
    });
    expect(edited).toMatchObject({ id: "default:birthday", isDefault: true, customized: true });
    await deleteTemplate(deps, alice, "default:nudge-1");
    const after = (await listTemplates(deps, alice)).items;
    expect(after.find((t) => t.id === "default:nudge-1")?.hidden).toBe(true);
    expect(after.find((t) => t.id === own.id)?.name).toBe("Coffee?");

    // Another account sees Kith's defaults as shipped, and none of Alice's.
    const bobs = (await listTemplates(deps, bob)).items;
    expect(bobs.find((t) => t.id === "default:birthday")?.customized).toBe(false);
    expect(bobs.some((t) => t.id === own.id)).toBe(false);
    expect(await codeOf(updateTemplate(deps, bob, own.id, { name: "mine" }))).toMatchObject({ code: "not_found" });
    expect(await codeOf(deleteTemplate(deps, bob, own.id))).toMatchObject({ code: "not_found" });

    const restored = await restoreTemplate(deps, alice, "default:birthday");
    expect(restored.customized).toBe(false);
    expect((await restoreTemplate(deps, alice, "default:nudge-1")).hidden).toBe(false);
    await deleteTemplate(deps, alice, own.id);
    expect((await listTemplates(deps, alice)).items.some((t) => t.id === own.id)).toBe(false);
    expect(await codeOf(restoreTemplate(deps, alice, own.id))).toMatchObject({ code: "not_found" });
  });

  it("refuses a broken template naming the field, and a viewer's write", async () => {
    const { deps, alice } = w;
    expect(await codeOf(createTemplate(deps, alice, { name: "x", body: "{% if a %}never closed" }))).toEqual({
      code: "validation",
      path: "body",
    });
    expect(
      await codeOf(updateTemplate(deps, alice, "default:check-in", { subject: "{{ a | nosuchfilter }}" })),
    ).toEqual({ code: "validation", path: "subject" });
    const viewer: Actor = { ...alice, role: "viewer" };
    expect(await codeOf(createTemplate(deps, viewer, { name: "x", body: "y" }))).toMatchObject({ code: "forbidden" });
  });

  it("drafts from what Kith knows: first name, company, last touch, follow-ups, interests, my update", async () => {
    const { deps, alice, bob } = w;
    const contact = await ana(deps, alice);
    await updateSettings(deps, alice, { myUpdate: "I started a pottery class." });
    const check = await draftFor(deps, alice, contact.id);
    expect(check.templateId).toBe("default:check-in");
    expect(check.subject).toBe("How are things, Ana?");
    expect(check.body).toContain("Hi Ana,");
    // The summary as a sentence to her, not a note in brackets.
    expect(check.body).toContain(
      "Our last call was 3 weeks ago, and I've been wondering how things have gone since. I still think about our talk about your studio plans.",
    );
    expect(check.body).toContain("climbing");
    expect(check.body).toContain("at Northwind?");
    expect(check.body).toContain("A little update from me: I started a pottery class.");
    expect(check.body).toMatch(/Best,\nAlice$/);

    const thanks = await draftFor(deps, alice, contact.id, { slot: "thank-you-meeting" });
    expect(thanks.body).toContain("On my list from our chat: Send the deck.");
    const ask = await draftFor(deps, alice, contact.id, { slot: "ask", company: "Globex" });
    expect(ask.subject).toBe("A quick question about Globex");

    // The account's own template for the slot wins over the default; a chosen template wins over both.
    const own = await createTemplate(deps, alice, {
      name: "Mine",
      slots: ["check-in"],
      body: "Yo {{ contact.firstName }}",
    });
    expect((await draftFor(deps, alice, contact.id)).body).toBe("Yo Ana");
    expect((await draftFor(deps, alice, contact.id, { templateId: "default:new-role" })).body).toContain(
      "Congratulations on the new role as Head of Design at Northwind!",
    );
    expect(await codeOf(draftFor(deps, alice, contact.id, { templateId: "tpl_nowhere" }))).toMatchObject({
      code: "not_found",
    });
    expect(await codeOf(draftFor(deps, bob, contact.id))).toMatchObject({ code: "not_found" });
    expect(await codeOf(draftFor(deps, bob, contact.id, { templateId: own.id }))).toMatchObject({ code: "not_found" });
  });

  it("chooses 'it's been a while' once the gap is long, and greets without a name when there is no first name", async () => {
    const { deps, alice } = w;
    const target = await createContact(deps, alice, { lastName: "Ask Target" });
    await logInteraction(deps, alice, {
      contactIds: [target.id],
      kind: "email",
      direction: "outbound",
      occurredAt: "2026-05-01T12:00:00.000Z",
      awaitsReply: false,
    });
    const draft = await draftFor(deps, alice, target.id);
    expect(draft.templateId).toBe("default:its-been-a-while");
    expect(draft.body.startsWith("Hi,\n")).toBe(true);
    expect(draft.body).toContain("It's been six months since we last talked");
    expect(draft.subject).toBe("It's been a while");
  });

  it("previews a template for a contact or a sample person", async () => {
    const { deps, alice } = w;
    const contact = await ana(deps, alice);
    const body = "Hi {{ contact.firstName }} from {{ contact.company }}";
    expect((await previewTemplate(deps, alice, { body, contactId: contact.id })).body).toBe("Hi Ana from Northwind");
    expect((await previewTemplate(deps, alice, { body })).body).toBe("Hi Ana from Northwind");
    expect(await codeOf(previewTemplate(deps, alice, { body: "{{" }))).toMatchObject({ path: "body" });
    expect(await codeOf(previewTemplate(deps, w.bob, { body, contactId: contact.id }))).toMatchObject({
      code: "not_found",
    });
  });

  it("puts a draft on every today item", async () => {
    const { deps, alice, clock } = w;
    const contact = await ana(deps, alice);
    await logInteraction(deps, alice, {
      contactIds: [contact.id],
      kind: "email",
      direction: "outbound",
      occurredAt: "2026-10-20T12:00:00.000Z",
    });
    const other = await createContact(deps, alice, { firstName: "Bo", circle: "close" });
    clock.set("2026-12-01T15:00:00.000Z");
    const view = await getToday(deps, alice);
    expect(view.items.length).toBeGreaterThan(0);
    for (const item of [...view.items, ...view.later]) {
      expect(item.draft.subject.length).toBeGreaterThan(0);
      expect(item.draft.body.length).toBeGreaterThan(0);
    }
    const anaItem = view.items.find((i) => i.contactId === contact.id);
    expect(anaItem?.draft.templateId).toMatch(/^default:(nudge-\d|follow-up|check-in)$/);
    expect(view.items.find((i) => i.contactId === other.id)?.draft.body ?? "Hi Bo,").toContain("Hi Bo,");
  });

  it("reads a draft's facts and templates only in their account", async () => {
    const { deps, alice, bob } = w;
    const contact = await ana(deps, alice);
    await createTemplate(deps, alice, { name: "Mine", body: "x" });
    const facts = await deps.store.draftFacts.factsOf(alice.accountId, [contact.id, contact.id, "nowhere"]);
    expect([...facts.keys()]).toEqual([contact.id]);
    expect(facts.get(contact.id)).toMatchObject({
      firstName: "Ana",
      company: "Northwind",
      lastTouch: { kind: "call", occurredAt: "2026-10-12T15:00:00.000Z" },
    });
    expect((await deps.store.draftFacts.factsOf(bob.accountId, [contact.id])).size).toBe(0);
    expect(await deps.store.draftFacts.memberName(alice.accountId, alice.userId)).toBe("Alice");
    expect(await deps.store.draftFacts.memberName(bob.accountId, alice.userId)).toBe("");
    expect(await deps.store.messageTemplates.count(alice.accountId)).toBe(1);
    expect(await deps.store.messageTemplates.list(bob.accountId, 10)).toEqual([]);
  });

  it("backs templates up and restores them", async () => {
    const { deps, alice, bob } = w;
    await createTemplate(deps, alice, {
      name: "Coffee?",
      slots: ["check-in"],
      body: "Coffee, {{ contact.firstName }}?",
    });
    await updateTemplate(deps, alice, "default:birthday", { body: "HB {{ contact.firstName }}!" });
    await deleteTemplate(deps, alice, "default:nudge-2");
    await updateSettings(deps, alice, { myUpdate: "New job." });
    const backup = await exportBackup(deps, alice);
    expect(backup.templates.map((t) => t.defaultId)).toEqual(["default:birthday", "default:nudge-2", null]);
    await restoreBackup(deps, bob, backup);
    const again = await exportBackup(deps, bob);
    expect(again.templates).toEqual(backup.templates);
    expect(again.account.settings.myUpdate).toBe("New job.");
    const bobs = (await listTemplates(deps, bob)).items;
    expect(bobs.find((t) => t.id === "default:nudge-2")?.hidden).toBe(true);
  });

  it("refuses a backup's template that the API would refuse, naming its path", async () => {
    const { deps, alice, bob } = w;
    await createTemplate(deps, alice, { name: "Coffee?", body: "Coffee?" });
    const backup = await exportBackup(deps, alice);
    const bent = (t: Partial<(typeof backup.templates)[number]>) => ({
      ...backup,
      templates: [{ ...backup.templates[0], ...t }],
    });
    expect(await codeOf(restoreBackup(deps, bob, bent({ body: "{% if x %}" })))).toEqual({
      code: "validation",
      path: "templates.0.body",
    });
    expect(await codeOf(restoreBackup(deps, bob, bent({ defaultId: "default:nope" })))).toEqual({
      code: "validation",
      path: "templates.0.defaultId",
    });
    expect(await codeOf(restoreBackup(deps, bob, bent({ name: "" })))).toMatchObject({ path: "templates.0.name" });
    expect((await listTemplates(deps, bob)).items.some((t) => !t.isDefault)).toBe(false);
  });
});
