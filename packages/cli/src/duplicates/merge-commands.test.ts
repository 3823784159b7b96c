import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith duplicates and merge on %s", (dialect) => {
  const { kith } = useCliWorld(dialect);

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
