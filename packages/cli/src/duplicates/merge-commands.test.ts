import { DIALECTS, type TestWorld } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, cliAs, printedId } from "../testing/cli-harness.ts";
import { openCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith duplicates and merge on %s", (dialect) => {
  let w: TestWorld;
  let kith: (...argv: string[]) => Promise<CliRun>;
  beforeEach(async () => {
    w = await openCliWorld(dialect);
    kith = cliAs(w.deps, w.alice);
  });
  afterEach(async () => {
    await w.dispose();
  });

  it("lists a duplicate, merges it by name, and undoes the merge", async () => {
    const rosa = printedId(
      await kith("contacts", "add", "--first", "Rosa", "--last", "Calder", "--email", "rosa@example.com"),
    );
    const twin = printedId(await kith("contacts", "add", "--first", "Rosie", "--email", "ROSA@example.com"));
    expect((await kith("duplicates")).stdout).toMatch(new RegExp(`^${twin} +Rosie +${rosa} +Rosa Calder +email$`, "m"));
    const merged = await kith("merge", rosa, "Rosie");
    const mergeId = /--undo (\S+)$/m.exec(merged.stdout)?.[1] ?? "";
    expect(merged.stdout).toBe(`merged Rosie into Rosa Calder; undo: kith merge --undo ${mergeId}\n`);
    expect((await kith("duplicates")).stdout).toBe("no possible duplicates\n");
    expect((await kith("merge", "--undo", mergeId)).stdout).toBe(
      `undid merge ${mergeId}: Rosa Calder (${rosa}), Rosie (${twin})\n`,
    );
    expect((await kith("merge", "--undo", mergeId)).code).not.toBe(0);
  });
});
