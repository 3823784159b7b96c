import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
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
  });
});
