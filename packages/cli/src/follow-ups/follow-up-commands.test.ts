import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith follow-ups on %s", (dialect) => {
  const { kith } = useCliWorld(dialect);

  it("adds, lists and completes a follow-up, logging the call in the same act", async () => {
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz"));
    const added = await kith("follow-ups", "add", "Rosa", "--due", "2026-11-09", "--title", "Send the deck");
    expect(added.stdout).toMatch(/^added follow-up for Rosa Diaz due 2026-11-09: Send the deck \(id-\d+\)\n$/);
    const id = printedId(added);

    const listed = await kith("follow-ups", "list", "--status", "open");
    expect(listed.stdout).toMatch(
      new RegExp(`^ID +DUE +STATUS +CONTACT +TITLE\n${id} +2026-11-09 +open +Rosa Diaz +Send the deck\n$`),
    );

    const done = await kith("follow-ups", "done", id, "--log", "call");
    expect(done.stdout).toMatch(/^done: Send the deck \(logged call, id-\d+\)\n$/);
    expect((await kith("follow-ups", "list", "--status", "open")).stdout).toBe("no follow-ups\n");
    expect((await kith("contacts", "show", rosa)).stdout).toMatch(/^last touch {2}2026-11-02 \(1 touch\)$/m);
    expect((await kith("follow-ups", "done", id)).code).toBe(1);
  });

  it("names a bad due date and a bad status", async () => {
    await kith("contacts", "add", "--first", "Rosa");
    const bad = await kith("follow-ups", "add", "rosa", "--due", "2026-13-01", "--title", "x");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: dueOn: /);
    expect((await kith("follow-ups", "list", "--status", "later")).stderr).toMatch(/^error: status: /);
    expect(JSON.parse((await kith("--json", "follow-ups", "list")).stdout)).toEqual({ items: [], nextCursor: null });
  });
});
