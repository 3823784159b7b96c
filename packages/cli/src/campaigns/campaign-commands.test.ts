import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith campaign on %s", (dialect) => {
  const { kith } = useCliWorld(dialect);

  it("creates a Thanksgiving campaign for a circle, shows it, marks one sent; send needs the member's SMTP", async () => {
    const ada = printedId(await kith("contacts", "add", "--first", "Ada", "--email", "ada@example.com"));
    await kith("contacts", "add", "--first", "Grace", "--email", "grace@example.com");
    await kith("log", "Ada", "--kind", "meeting", "--dir", "mutual", "--note", "Talked about the robotics meetup");

    const created = await kith(
      "campaign",
      "create",
      "--occasion",
      "thanksgiving",
      "--circle",
      "network",
      "--update",
      "New job in Lisbon",
    );
    expect(created.code).toBe(0);
    const id = /kith campaign send (\S+)/.exec(created.stdout)?.[1] ?? "";
    expect(created.stdout).toMatch(/^Thanksgiving 2026 \(.+\): draft, 0 of 2 sent$/m);
    expect(created.stdout).toMatch(
      new RegExp(
        `^${ada} +Ada +ada@example.com +pending +I still think about our talk about the robotics meetup\\.$`,
        "m",
      ),
    );

    const json = JSON.parse((await kith("--json", "campaign", "show", id)).stdout);
    expect(json.recipients[0].body).toContain("New job in Lisbon");

    expect((await kith("campaign", "mark-sent", id, "Grace")).stdout).toBe("Grace: marked sent, touch logged\n");
    expect((await kith("campaign", "list")).stdout).toMatch(new RegExp(`^${id} +Thanksgiving 2026 +draft +1/2$`, "m"));

    const send = await kith("campaign", "send", id);
    expect(send.code).not.toBe(0);
    expect(send.stderr).toMatch(/SMTP account in Settings/);
  });
});
