import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith knows, path, who, ask and asks on %s (in-process)", (dialect) => {
  const { kith } = useCliWorld(dialect);

  it("records relationships by name, finds the path to a company, drafts the ask and lists asks by status", async () => {
    const acme = await kith("companies", "add", "--name", "Acme Robotics");
    const acmeId = /\((id-\d+)\)/.exec(acme.stdout)?.[1] ?? "";
    await kith("contacts", "add", "--first", "Ana", "--last", "Silva");
    await kith("contacts", "add", "--first", "Leo", "--last", "Park", "--company", acmeId);
    await kith("contacts", "add", "--first", "Leo", "--last", "Moreau");
    // Leo works there, but no touch with anyone is logged yet: nobody counts as known, and the answer says why.
    expect((await kith("who", "acme")).stdout).toMatch(
      /^you have not been in touch with anyone at Acme Robotics, nor with anyone who knows someone there \(a contact counts as someone you know once a touch with them is logged: kith log NAME\)$/m,
    );
    expect((await kith("log", "Ana", "--kind", "call")).code).toBe(0);

    const ambiguous = await kith("knows", "ana", "leo", "--as", "colleague");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/Leo Park/);
    expect(ambiguous.stderr).toMatch(/Leo Moreau/);
    expect(ambiguous.stderr).toMatch(/"leo" matches 2 contacts; pass one of the ids above/);
    const known = await kith("knows", "ana", "leo park", "--as", "colleague");
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^Ana Silva and Leo Park are colleagues \(id-\d+\)$/m);
    expect((await kith("knows", "ana", "leo park", "--as", "cousin")).stderr).toMatch(/--as must be one of knows/);

    const path = await kith("path", "Acme Robotics");
    expect(path.code).toBe(0);
    expect(path.stdout).toMatch(
      /^paths to Acme Robotics\n1\. you → Ana Silva → Leo Park \(colleague\) {2}\[2nd degree, score [\d.]+\]$/m,
    );
    const who = await kith("who", "acme");
    expect(who.stdout).toMatch(/^2nd +Leo Park +- +Ana Silva$/m);
    expect(who.stdout).toMatch(/do you know anyone at Acme Robotics/);

    const asked = await kith("ask", "ana", "--company", "Acme Robotics");
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/^asked Ana Silva about Acme Robotics \(id-\d+\); a nudge is due \d{4}-\d\d-\d\d$/m);
    expect((await kith("asks", "--status", "asked")).stdout).toMatch(/^id-\d+ +asked +Ana Silva +Acme Robotics/m);
    expect((await kith("asks", "--status", "met")).stdout).toMatch(/^no asks/);
    expect((await kith("asks", "--status", "lost")).code).toBe(2);

    // The ask's steps from the CLI: a new name (linked to Ana), introduced, met with the meeting logged.
    const askId = /\((id-\d+)\)/.exec(asked.stdout)?.[1] ?? "";
    expect((await kith("asks", "name", askId)).stderr).toMatch(
      /name a contact \(id or search\), or give --first\/--last/,
    );
    const named = await kith("asks", "name", askId, "--first", "Søren", "--last", "Kierkegård", "--company", "acme");
    expect(named.stdout).toMatch(/^Søren Kierkegård named by Ana Silva \(ask now named\)\n {2}nudge {2}done/m);
    expect((await kith("asks", "--status", "named")).stdout).toMatch(/Søren Kierkegård/);
    expect((await kith("asks", "move", askId, "introduced")).stdout).toMatch(
      /^your ask to Ana Silva is now introduced$/m,
    );
    expect((await kith("asks", "move", askId, "lost")).stderr).toMatch(/status must be one of asked, named/);
    const met = await kith("asks", "move", askId, "met", "--log", "meeting", "--summary", "Coffee ☕");
    expect(met.stdout).toMatch(/^ {2}how-it-went {2}open {2}due \d{4}-\d\d-\d\d$/m);
    expect((await kith("today")).stdout).toMatch(/Thank Ana Silva for the introduction/);
    // An existing contact can be the name too (a second ask).
    await kith("ask", "ana", "--about", "a mentor");
    const second = (await kith("asks", "--status", "asked")).stdout.match(/^(id-\d+) +asked/m)?.[1] ?? "";
    expect((await kith("asks", "name", second, "leo park")).stdout).toMatch(/^Leo Park named by Ana Silva/m);
  });
});

describe("kith asks name and move over HTTP", () => {
  const { kith } = useCliServer("sqlite");

  it("takes an ask from asked to met through the API", async () => {
    await kith("contacts", "add", "--first", "Ana", "--last", "Silva");
    const asked = await kith("ask", "ana", "--about", "a mentor");
    const askId = /\(([^)]+)\); a nudge/.exec(asked.stdout)?.[1] ?? "";
    expect((await kith("asks", "name", askId, "--first", "Zoë")).stdout).toMatch(/^Zoë named by Ana Silva/m);
    expect((await kith("asks", "move", askId, "met", "--log", "call")).stdout).toMatch(/is now met/);
  });
});
