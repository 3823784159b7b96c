import { connect } from "node:net";
import { Readable } from "node:stream";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

/** Sends only a request's head over a real socket and returns the first bytes of the answer. */
function headOnly(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
      if (answer.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on("error", reject);
  });
}

describe.each(DIALECTS)("restore size limit on %s", (dialect) => {
  const s = useTestServer(dialect, { env: { KITH_RESTORE_MAX_BYTES: "4096" } });

  it("answers 413 problem+json above KITH_RESTORE_MAX_BYTES from the declared length, before the body is sent", async () => {
    await s.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = s.app.server.address() as { port: number };
    // No body follows the head: a server that waited to read it would never answer.
    const answer = await headOnly(
      port,
      [
        "POST /api/backup/restore HTTP/1.1",
        "Host: 127.0.0.1",
        "Authorization: Bearer kith_not_checked_before_the_length",
        "Content-Type: application/json",
        "Content-Length: 10000000",
        "",
        "",
      ].join("\r\n"),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
  });
});

describe.each(DIALECTS)("restore limits while the body streams on %s", (dialect) => {
  const s = useTestServer(dialect, { env: { KITH_RESTORE_MAX_BYTES: "4096" } });

  it("answers 413 naming the limit once a body sent without a length passes it, keeping nothing", async () => {
    const bob = await signUp(s, "Bob", "bob@example.com");
    const pieces = [
      '{"format":"kith-backup","version":2,"contacts":[',
      ...Array.from({ length: 50 }, () => `"${"x".repeat(200)}",`),
    ];
    const res = await s.app.inject({
      method: "POST",
      url: "/api/backup/restore",
      headers: { cookie: bob.cookie, "content-type": "application/json", origin: TEST_ORIGIN },
      payload: Readable.from(pieces),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/limit of 4096 bytes \(KITH_RESTORE_MAX_BYTES\)/);
    const jobs = await s.db.db.selectFrom("restore_job").select("id").execute();
    expect(jobs).toEqual([]);
  });

  it("answers 409 in words while the account has a restore under way", async () => {
    const bob = await signUp(s, "Bob", "bob@example.com");
    const account = (await bob.call("GET", "/api/account")).json().id as string;
    await s.deps.store.restoreJobs.insertJob(account, {
      id: "r1",
      createdBy: bob.userId,
      createdAt: s.clock.now().toISOString(),
    });
    const res = await bob.call("POST", "/api/backup/restore", { format: "kith-backup" });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/a restore is already queued or running for this account/);
  });
});
