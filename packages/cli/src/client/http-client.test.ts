import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DIALECTS, useTempDir } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../testing/cli-harness.ts";
import { useCliServer } from "../testing/cli-server.ts";

describe.each(DIALECTS)("kith --url against a real server on %s", (dialect) => {
  const { server, kith } = useCliServer(dialect, { timeZone: "America/New_York" });
  const tmp = useTempDir("kith-http-restore-");

  it("restores a backup too large to wait for: the server answers with its job, followed until it ends", async () => {
    const at = "2026-01-05T10:00:00.000Z";
    // 40 contacts with 60 KB of notes each: over the 2 MB a restore request waits for.
    const contacts = Array.from({ length: 40 }, (_, i) => ({
      ...{ ref: `contact-${i}`, firstName: `Long ${i}`, lastName: "Notes", emails: [], phones: [], links: [] },
      ...{ companyRef: null, title: "", tags: [], interests: [], howWeMet: "", notes: "n".repeat(60_000) },
      ...{ birthday: null, circle: "network", timeZone: null, muted: false, cadenceOverride: null },
      ...{ snoozedUntilOn: null, movedOnAt: null, moveOnNote: null, circleBeforeMoveOn: null, archivedAt: null },
      ...{ createdAt: at, updatedAt: at },
    }));
    const backup = {
      ...{ format: "kith-backup", version: 2, notify: null, webhooks: [], companies: [], contacts },
      account: { name: "Restored", timeZone: "Europe/Paris", country: "FR", settings: {} },
      ...{ interactions: [], followUps: [], duplicateDismissals: [] },
    };
    const file = path.join(tmp.path, "large.json");
    await writeFile(file, JSON.stringify(backup));
    expect((await kith("restore", file)).stdout).toBe(
      "restored 40 contacts, 0 companies, 0 interactions, 0 follow-ups, 0 webhooks\n",
    );
  });

  it("adds a contact, logs a call, shows the last touch and searches, over HTTP", async () => {
    const added = await kith("contacts", "add", "--first", "Rosa", "--last", "Diaz", "--email", "rosa@example.com");
    expect(added.stdout).toMatch(/^added Rosa Diaz \([0-9a-f-]{36}\)\n$/);
    await kith("contacts", "add", "--first", "Sam", "--last", "Lee");
    const logged = await kith(
      "log",
      "rosa",
      "--kind",
      "call",
      "--dir",
      "out",
      "--note",
      "Intro",
      "--at",
      "2026-10-30T23:00:00-04:00",
    );
    expect(logged.stdout).toMatch(/^logged call \(outbound\) with Rosa Diaz on 2026-10-30 /);
    const shown = await kith("contacts", "show", "Rosa Diaz");
    expect(shown.stdout).toMatch(/^last touch {2}2026-10-30 \(1 touch\)$/m);
    expect(shown.stdout).toMatch(/^2026-10-30 +call +outbound +Intro$/m);
    const found = JSON.parse((await kith("--json", "contacts", "list", "--q", "ro")).stdout);
    expect(found.items.map((c: { displayName: string }) => c.displayName)).toEqual(["Rosa Diaz"]);
    const followUp = await kith("follow-ups", "add", "sam", "--due", "2026-11-09", "--title", "Coffee");
    const done = await kith(
      "follow-ups",
      "done",
      /\(([^)]+)\)\n$/.exec(followUp.stdout)![1]!,
      "--log",
      "meeting",
      "--dir",
      "mutual",
    );
    expect(done.stdout).toMatch(/^done: Coffee \(logged meeting, /);
    expect((await kith("tokens", "list")).stdout).toMatch(/\n\S+ +cli +kith_/);
  });

  it("archives, acts on today, merges and undoes, exports and backs up, over HTTP", async () => {
    const id = (run: { stdout: string }) => /\(([^)]+)\)\n$/.exec(run.stdout)![1]!;
    const rosa = id(
      await kith("contacts", "add", "--first", "Rosa", "--email", "rosa@example.com", "--circle", "inner"),
    );
    const twin = id(await kith("contacts", "add", "--first", "Rosie", "--email", "ROSA@example.com"));
    expect((await kith("contacts", "archive", twin)).stdout).toBe(`archived Rosie (${twin})\n`);
    expect((await kith("contacts", "archive", twin, "--undo")).stdout).toBe(`restored Rosie (${twin})\n`);
    expect((await kith("skip", rosa)).code).toBe(0);
    expect((await kith("move-on", rosa)).code).toBe(0);
    expect((await kith("move-on", rosa, "--undo")).stdout).toBe("Rosa is back in inner\n");
    const merged = await kith("merge", rosa, twin);
    const mergeId = /undo: kith merge --undo (\S+)/.exec(merged.stdout)?.[1] ?? "";
    expect((await kith("duplicates")).stdout).toBe("no possible duplicates\n");
    expect((await kith("merge", "--undo", mergeId)).stdout).toBe(
      `undid merge ${mergeId}: Rosa (${rosa}), Rosie (${twin})\n`,
    );
    expect((await kith("export")).stdout).toMatch(/^First Name,Last Name,E-mail/);
    const backup = JSON.parse((await kith("backup")).stdout);
    expect(backup.format).toBe("kith-backup");
    expect(await kith("export", "--format", "vcard")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("BEGIN:VCARD"),
    });
  });

  it("maps problem+json to the same one-line errors and exit codes", async () => {
    expect(await kith("contacts", "add", "--first", "Rob", "--email", "nope")).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: emails.0.address: Email address must be an email address such as ada@example.com\n",
    });
    expect(await kith("contacts", "show", "00000000-0000-0000-0000-000000000000")).toMatchObject({ code: 3 });
    expect(await kith("follow-ups", "done", "00000000-0000-0000-0000-000000000000")).toMatchObject({
      code: 3,
      stderr: "error: follow-up 00000000-0000-0000-0000-000000000000 was not found\n",
    });
    const badToken = await runCaptured(["--url", server.address, "--token", "kith_wrong", "contacts", "list"]);
    expect(badToken).toMatchObject({ code: 4, stderr: "error: the API token is unknown or revoked\n" });
    const fromEnv = await runCaptured(["contacts", "list"], {
      env: { KITH_URL: server.address, KITH_TOKEN: server.token },
    });
    expect(fromEnv).toMatchObject({ code: 0, stdout: "no contacts\n" });
    const noToken = await runCaptured(["contacts", "list"], { env: { KITH_URL: server.address } });
    expect(noToken.code).toBe(4);
  });

  it("manages webhooks over HTTP: a loopback target is refused, a public one is kept", async () => {
    const refused = await kith("notify", "webhooks", "add", "http://127.0.0.1:9/hook");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: url: 127\.0\.0\.1 is not a public address \(loopback\)/);
    // A public address given as an IP: checked without DNS, and never sent to here.
    const added = await kith("notify", "webhooks", "add", "https://93.184.215.14/ntfy/topic", "--format", "ntfy");
    expect(added.stdout).toMatch(/^added webhook (\S+) \(ntfy\) for https:\/\/93\.184\.215\.14\/ntfy\/topic\n/);
    const id = /^added webhook (\S+)/.exec(added.stdout)?.[1] ?? "";
    expect((await kith("notify", "webhooks", "list")).stdout).toContain(
      `${id}  ntfy    https://93.184.215.14/ntfy/topic`,
    );
    expect(await kith("notify", "webhooks", "test", "no-such-webhook")).toMatchObject({ code: 3 });
    expect((await kith("notify", "webhooks", "remove", id)).stdout).toBe(`removed webhook ${id}\n`);
    expect((await kith("notify", "webhooks", "list")).stdout).toBe("no webhooks\n");
  });
});
