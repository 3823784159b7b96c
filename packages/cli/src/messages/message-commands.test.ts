import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith draft and kith templates on %s", (dialect) => {
  const { kith } = useCliWorld(dialect);

  it("drafts for a contact by name, with a chosen template or slot, and lists and shows templates", async () => {
    await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz", "--email", "rosa@example.com");
    await kith(
      "log",
      "rosa",
      "--kind",
      "call",
      "--dir",
      "mutual",
      "--note",
      "Her new studio",
      "--at",
      "2026-10-01T15:00:00Z",
    );

    const draft = await kith("draft", "rosa");
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^To Rosa Diaz · .+\nSubject: .*\S/);
    expect(draft.stdout).toMatch(/^ {2}Hi Rosa,$/m);
    expect(draft.stdout).not.toMatch(/undefined|\{\{|\{%/);

    const listed = await kith("templates");
    expect(listed.stdout).toMatch(/^ID +NAME +CHANNEL +FITS +STATE\n/);
    expect(listed.stdout).toMatch(/^default:check-in +\S/m);
    const interview = /^(default:\S*interview\S*) +(.+?) {2}/m.exec(listed.stdout);
    expect(interview).not.toBeNull();

    const byName = await kith("draft", "Rosa Diaz", "--template", interview![2]!.trim());
    expect(byName.stdout).toMatch(new RegExp(`^To Rosa Diaz · ${interview![2]!.trim()}\n`));
    const byId = JSON.parse((await kith("--json", "draft", "rosa", "--template", interview![1]!)).stdout);
    expect(byId).toMatchObject({
      templateId: interview![1],
      subject: expect.any(String),
      body: expect.stringContaining("Rosa"),
    });

    const nudge = JSON.parse((await kith("--json", "draft", "rosa", "--slot", "nudge-3")).stdout);
    expect(nudge.templateId).toMatch(/nudge/);

    await kith("follow-ups", "add", "rosa", "--due", "2026-11-01", "--title", "Send the deck");
    // Due today: the plain `kith draft` is the item's own draft, as Today shows it.
    const dueDraft = JSON.parse((await kith("--json", "draft", "rosa")).stdout);
    const dueItem = JSON.parse((await kith("--json", "today")).stdout).items[0];
    expect(dueItem.reasonKind).toBe("follow-up-due");
    expect(dueDraft).toEqual(dueItem.draft);
    const today = (await kith("today")).stdout;
    expect(today).toMatch(/^ {3}Subject: \S.*\n {5}Hi Rosa,\n(?: {5}\S.*\n)+ {5}… \(kith draft \S+\)$/m);
    expect((await kith("today", "--drafts", "full")).stdout).not.toContain("… (kith draft");
    expect((await kith("today", "--drafts", "none")).stdout).not.toContain("Subject:");

    const shown = await kith("templates", "show", "default:check-in");
    expect(shown.stdout).toMatch(/^.+ \(default:check-in\)\nchannel {2}\S+\nfits {5}.*check-in/);
    expect(shown.stdout).toContain("{{ contact.firstName }}");
  });

  it("names what it cannot find, and refuses an unknown slot", async () => {
    await kith("contacts", "add", "--first", "Rosa");
    const missing = await kith("draft", "rosa", "--template", "No such thing");
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^error: no template "No such thing"/);
    expect((await kith("draft", "nobody")).code).toBe(3);
    expect((await kith("draft", "rosa", "--slot", "gossip")).code).toBe(2);
  });
});

describe.each(DIALECTS)("kith draft --url on %s", (dialect) => {
  const { kith } = useCliServer(dialect);

  it("drafts and lists templates over HTTP", async () => {
    await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz");
    const draft = await kith("draft", "rosa");
    expect(draft.stdout).toMatch(/^To Rosa Diaz · .+\nSubject: /);
    expect((await kith("templates", "list")).stdout).toMatch(/^default:check-in +/m);
  });
});
