import { getContact } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith log on %s", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("finds the contact by a search that matches exactly one", async () => {
    const rosa = printedId(
      await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz", "--email", "rosa@x.example"),
    );
    await kith("contacts", "add", "--first", "Sam", "--last", "Lee");
    const logged = await kith("log", "rosa@x", "--kind", "email", "--dir", "in", "--note", "Replied");
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/^logged email \(inbound\) with Rosa Diaz on 2026-11-02 /);
    expect(await getContact(w.deps, w.alice, rosa)).toMatchObject({ lastTouchAt: "2026-11-02T09:00:00.000Z" });
    expect((await kith("log", "Rosa Diaz", "--kind", "call", "--dir", "outbound")).code).toBe(0);
    expect((await getContact(w.deps, w.alice, rosa)).touchCount).toBe(2);
  });

  it("prints the candidates and fails when several contacts match; exits 3 when none does", async () => {
    await kith("contacts", "add", "--first", "Sam", "--last", "Lee");
    await kith("contacts", "add", "--first", "Samantha", "--last", "Ray");
    const ambiguous = await kith("log", "sam", "--kind", "call");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe("");
    expect(ambiguous.stderr).toMatch(/^ID +NAME +EMAIL +TITLE\nid-\d+ +Sam Lee +- +-\nid-\d+ +Samantha Ray +- +-\n/);
    expect(ambiguous.stderr).toMatch(/error: "sam" matches 2 contacts; pass one of the ids above\n$/);
    expect(await kith("log", "nobody", "--kind", "call")).toMatchObject({
      code: 3,
      stderr: 'error: no contact matches "nobody"\n',
    });
  });

  it("names a wrong kind, direction or instant", async () => {
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa"));
    const kind = await kith("log", rosa, "--kind", "fax");
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^error: kind: /);
    expect((await kith("log", rosa, "--kind", "call", "--dir", "sideways")).stderr).toMatch(/^error: direction: /);
    expect((await kith("log", rosa, "--kind", "call", "--at", "yesterday")).stderr).toMatch(/^error: occurredAt: /);
    const social = await kith("--json", "log", rosa, "--kind", "social", "--meaningful");
    expect(JSON.parse(social.stdout)).toMatchObject({ kind: "social", direction: "outbound", meaningful: true });
  });
});
