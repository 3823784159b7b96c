import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { type CliRun, cliAs, printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith contacts on %s", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("adds a contact, logs a call, and shows the last touch updated", async () => {
    const added = await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz", "--email", "rosa@example.com");
    expect(added).toMatchObject({ code: 0, stderr: "" });
    expect(added.stdout).toMatch(/^added Rosa Diaz \(id-\d+\)\n$/);
    const id = printedId(added);
    expect((await kith("contacts", "show", id)).stdout).toMatch(/^last touch {2}never$/m);

    const logged = await kith(
      "log",
      id,
      "--kind",
      "call",
      "--dir",
      "out",
      "--note",
      "Platform team",
      "--at",
      "2026-10-30T15:00:00-04:00",
    );
    expect(logged.code).toBe(0);
    expect(logged.stdout).toBe(`logged call (outbound) with Rosa Diaz on 2026-10-30 (${printedId(logged)})\n`);

    const shown = await kith("contacts", "show", id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^emails {6}rosa@example\.com$/m);
    expect(shown.stdout).toMatch(/^last touch {2}2026-10-30 \(1 touch\)$/m);
    expect(shown.stdout).toMatch(/^2026-10-30 +call +outbound +Platform team$/m);
    const listed = await kith("contacts", "list");
    expect(listed.stdout.split("\n")[1]).toMatch(new RegExp(`^${id} +Rosa Diaz .* 2026-10-30 +1$`));
  });

  it("finds contacts by a prefix of their name, email or tag", async () => {
    await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz", "--tag", "recruiter");
    await kith("contacts", "add", "--first", "Maria", "--last", "Rossi", "--email", "maria@acme.example");
    await kith("contacts", "add", "--first", "Bob", "--last", "Smith");
    const names = (run: CliRun) =>
      run.stdout
        .split("\n")
        .slice(1, -1)
        .map((line) => line.split(/ {2,}/)[1]);
    expect(names(await kith("contacts", "list", "--q", "ros"))).toEqual(["Maria Rossi", "Rosa Diaz"]);
    expect(names(await kith("contacts", "list", "--q", "recr"))).toEqual(["Rosa Diaz"]);
    expect(names(await kith("contacts", "list", "--q", "acme"))).toEqual(["Maria Rossi"]);
    expect(await kith("contacts", "list", "--q", "zzz")).toMatchObject({ code: 0, stdout: "no contacts\n" });
    expect(names(await kith("contacts", "list", "--tag", "recruiter"))).toEqual(["Rosa Diaz"]);
  });

  it("sets interests and how you met, and finds a contact by an interest", async () => {
    const added = await kith(
      ...["contacts", "add", "--first", "Zoë", "--last", "علي", "--interest", "Sourdough", "--interest", "jazz 🎷"],
      ...["--how-we-met", "at the Lisbon meetup"],
    );
    expect(added.code).toBe(0);
    const id = printedId(added);
    const shown = JSON.parse((await kith("--json", "contacts", "show", id)).stdout);
    expect(shown).toMatchObject({
      interests: ["Sourdough", "jazz 🎷"],
      howWeMet: "at the Lisbon meetup",
    });
    const found = await kith("contacts", "list", "--q", "sourd");
    expect(found.stdout).toContain("Zoë علي");
    await kith("contacts", "edit", id, "--interest", "sailing");
    expect(JSON.parse((await kith("--json", "contacts", "show", id)).stdout).interests).toEqual(["sailing"]);
  });

  it("prints raw JSON with --json, before or after the command", async () => {
    const added = JSON.parse(
      (await kith("--json", "contacts", "add", "--first", "Rosa", "--tag", "a", "--tag", "b")).stdout,
    );
    expect(added).toMatchObject({ firstName: "Rosa", tags: ["a", "b"], lastTouchAt: null, touchCount: 0 });
    await kith("log", added.id, "--kind", "meeting", "--dir", "mutual", "--at", "2026-10-01T12:00:00Z");
    const shown = JSON.parse((await kith("contacts", "show", added.id, "--json")).stdout);
    expect(shown).toMatchObject({ id: added.id, lastTouchAt: "2026-10-01T12:00:00.000Z", touchCount: 1 });
    const page = JSON.parse((await kith("contacts", "list", "--json")).stdout);
    // A list answers summaries: the shown contact's list fields, not its every field.
    const { id, displayName, tags, lastTouchAt, touchCount } = shown;
    expect(page).toEqual({
      items: [expect.objectContaining({ id, displayName, tags, lastTouchAt, touchCount })],
      nextCursor: null,
      total: 1,
    });
    expect(page.items[0]).not.toHaveProperty("notes");
  });

  it("names the offending field and exits 2 on invalid input, writing nothing", async () => {
    const bad = await kith(
      "contacts",
      "add",
      "--first",
      "Rob",
      "--email",
      "rob@example.com",
      "--email",
      "not-an-email",
    );
    expect(bad).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: emails.1.address: Email address must be an email address such as ada@example.com\n",
    });
    const circle = await kith("contacts", "add", "--first", "Rob", "--circle", "Inner Circle");
    expect(circle.code).toBe(2);
    expect(circle.stderr).toMatch(/^error: circle: is not a circle key/);
    expect((await kith("contacts", "list")).stdout).toBe("no contacts\n");
  });

  it("exits 3 for a missing or foreign contact, 4 for a viewer, 2 for a usage error", async () => {
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa"));
    expect(await kith("contacts", "show", "id-999999")).toEqual({
      code: 3,
      stdout: "",
      stderr: 'error: no contact matches "id-999999"\n',
    });
    const bob = cliAs(w.deps, w.bob);
    expect((await bob("contacts", "show", rosa)).code).toBe(3);
    expect((await bob("contacts", "edit", rosa, "--title", "CEO")).stderr).toBe(
      `error: contact ${rosa} was not found\n`,
    );
    const viewer = cliAs(w.deps, { ...w.alice, role: "viewer" });
    const denied = await viewer("contacts", "add", "--first", "Eve");
    expect(denied.code).toBe(4);
    expect(denied.stderr).toMatch(/^error: this needs the editor role/);
    expect((await viewer("contacts", "list")).code).toBe(0);
    // A last name alone is a person (as a LinkedIn row or the API takes it); no name at all is refused in words.
    expect((await kith("contacts", "add", "--last", "Okafor")).stdout).toMatch(/^added Okafor \(/);
    const nameless = await kith("contacts", "add", "--email", "someone@example.com");
    expect(nameless.code).not.toBe(0);
    expect(nameless.stderr).toMatch(/^error: .*name/i);
  });

  it("edits, pages and archives", async () => {
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa", "--tag", "old"));
    await kith("contacts", "add", "--first", "Sam");
    const edited = await kith("contacts", "edit", rosa, "--last", "Diaz", "--tag", "new", "--title", "CTO");
    expect(edited.stdout).toBe(`updated Rosa Diaz (${rosa})\n`);
    expect((await kith("contacts", "show", rosa)).stdout).toMatch(/^tags {8}new$/m);

    const first = await kith("contacts", "list", "--limit", "1");
    const cursor = /--cursor (\S+)$/m.exec(first.stdout)?.[1];
    expect(first.stdout).toContain("Rosa Diaz");
    expect((await kith("contacts", "list", "--limit", "1", "--cursor", cursor!)).stdout).toContain("Sam");

    expect((await kith("contacts", "archive", rosa)).stdout).toBe(`archived Rosa Diaz (${rosa})\n`);
    expect((await kith("contacts", "list")).stdout).not.toContain("Rosa");
    expect((await kith("contacts", "list", "--archived")).stdout).toContain("Rosa Diaz (archived)");
    expect((await kith("contacts", "archive", rosa, "--undo")).stdout).toBe(`restored Rosa Diaz (${rosa})\n`);
    expect((await kith("contacts", "list")).stdout).toContain("Rosa Diaz");
  });
});
