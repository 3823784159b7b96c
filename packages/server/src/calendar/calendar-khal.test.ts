import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { useTempDir } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

/** Debian's khal, installed by .ci/run: a real calendar client reading the feed. */
const KHAL = "/usr/bin/khal";

function khalConfig(dir: string): string {
  const calendarDir = path.join(dir, "calendar");
  mkdirSync(calendarDir);
  const config = path.join(dir, "config");
  writeFileSync(
    config,
    [
      "[calendars]",
      "[[kith]]",
      `path = ${calendarDir}`,
      "type = calendar",
      "[locale]",
      "timeformat = %H:%M",
      "dateformat = %Y-%m-%d",
      "longdateformat = %Y-%m-%d",
      "datetimeformat = %Y-%m-%d %H:%M",
      "longdatetimeformat = %Y-%m-%d %H:%M",
      "default_timezone = UTC",
      "local_timezone = UTC",
      "",
    ].join("\n"),
  );
  return config;
}

// CI installs khal (.ci/run): there a missing client fails the test instead of skipping it.
describe.skipIf(!existsSync(KHAL) && !process.env.CI)("calendar feed in khal", () => {
  const s = useTestServer("sqlite");
  const tmp = useTempDir("kith-khal-");

  it("khal reads the feed, imports it, and lists the follow-up and the recurring birthday", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const rosa = (
      await alice.call("POST", "/api/contacts", { firstName: "Rosa", birthday: { month: 2, day: 29 } })
    ).json();
    await alice.call("POST", "/api/follow-ups", {
      contactId: rosa.id,
      dueOn: "2026-11-20",
      title: "Ask about the studio",
    });
    const { url } = (await alice.call("POST", "/api/calendar/feed")).json();
    const feed = await s.app.inject({ method: "GET", url: url.slice(TEST_ORIGIN.length) });
    const ics = path.join(tmp.path, "kith.ics");
    writeFileSync(ics, feed.body);
    const config = khalConfig(tmp.path);
    const khal = (...args: string[]) => execFileSync(KHAL, ["-c", config, ...args], { encoding: "utf8" });

    expect(khal("printics", "--format", "{start-date} {title}", ics).split("\n")).toEqual(
      expect.arrayContaining([
        `2 events found in ${ics}`,
        "2024-02-29 Rosa's birthday",
        "2026-11-20 Follow up with Rosa: Ask about the studio",
      ]),
    );
    khal("import", "--batch", ics);
    const list = (from: string, to: string) => khal("list", "--format", "{start-date} {title}", from, to);
    expect(list("2026-11-19", "2026-11-21")).toContain("2026-11-20 Follow up with Rosa: Ask about the studio");
    expect(list("2027-02-01", "2027-03-05")).toContain("2027-02-28 Rosa's birthday");
  });
});
