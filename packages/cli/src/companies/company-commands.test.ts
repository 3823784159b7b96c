import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { cliAs, printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith companies on %s", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("adds, lists, edits and shows companies with their people", async () => {
    const acme = printedId(await kith("companies", "add", "--name", "Acme", "--domain", "ACME.example", "--target"));
    await kith("companies", "add", "--name", "Globex");
    expect((await kith("companies", "list", "--target")).stdout).toBe(
      `ID${" ".repeat(acme.length)}NAME  DOMAIN        TARGET\n${acme}  Acme  acme.example  yes\n`,
    );
    await kith("contacts", "add", "--first", "Rosa", "--company", acme, "--title", "CTO");
    expect((await kith("companies", "edit", acme, "--no-target", "--domain", "")).stdout).toBe(
      `updated Acme (${acme})\n`,
    );
    const shown = await kith("companies", "show", acme);
    expect(shown.stdout).toMatch(/^domain {2}-\ntarget {2}no$/m);
    expect(shown.stdout).toMatch(/^people\nID +NAME +TITLE\nid-\d+ +Rosa +CTO$/m);
    expect((await kith("contacts", "show", "Rosa")).stdout).toMatch(new RegExp(`^company {5}Acme \\(${acme}\\)$`, "m"));
  });

  it("names a bad domain and refuses a company of another account", async () => {
    const bad = await kith("companies", "add", "--name", "Acme", "--domain", "not a domain");
    expect(bad).toMatchObject({ code: 2, stderr: "error: domain: is not a domain such as example.com\n" });
    const theirs = printedId(await cliAs(w.deps, w.bob)("companies", "add", "--name", "Bob Inc"));
    expect((await kith("companies", "show", theirs)).code).toBe(3);
    const linked = await kith("contacts", "add", "--first", "Rosa", "--company", theirs);
    expect(linked).toMatchObject({ code: 2, stderr: "error: companyId: no such company\n" });
  });
});
