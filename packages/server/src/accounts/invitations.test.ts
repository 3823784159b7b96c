import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

const tokenOf = (link: string) => new URL(link).hash.slice(1);

describe.each(DIALECTS)("invitation by link on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("adding a member directly is gone: an owner cannot add a registered user without their consent", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    await signUp(s, "Bob", "bob@example.com");
    const res = await owner.call("POST", "/api/account/members", { email: "bob@example.com", role: "editor" });
    expect(res.statusCode).toBe(404);
    const members = (await owner.call("GET", "/api/account/members")).json().items as { email: string }[];
    expect(members.map((m) => m.email)).toEqual(["ada@example.com"]);
  });

  it("inviting answers alike whether the address is registered or not", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    await signUp(s, "Bob", "bob@example.com");
    const registered = await owner.call("POST", "/api/account/invitations", {
      email: "bob@example.com",
      role: "viewer",
    });
    const unknown = await owner.call("POST", "/api/account/invitations", { email: "zed@example.com", role: "viewer" });
    expect([registered.statusCode, unknown.statusCode]).toEqual([201, 201]);
    const shape = (body: { invitation: object; link: string; mailed: boolean }) => ({
      keys: Object.keys(body).sort(),
      invitationKeys: Object.keys(body.invitation).sort(),
      mailed: body.mailed,
      link: body.link.replace(/#.*$/, "#…"),
    });
    expect(shape(registered.json())).toEqual(shape(unknown.json()));
    expect(registered.json().link).toMatch(/^http:\/\/kith\.test\/invite#kinv_/);
  });

  it("the invitee signs in, sees the offer, accepts once; the owner sees it leave the pending list", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const accountId = (await owner.call("GET", "/api/account")).json().id as string;
    const created = (
      await owner.call("POST", "/api/account/invitations", { email: "Coach@Example.com", role: "viewer" })
    ).json();
    expect(created.invitation).toMatchObject({
      email: "coach@example.com",
      role: "viewer",
      createdAt: "2026-11-02T14:00:00.000Z",
      expiresAt: "2026-11-09T14:00:00.000Z",
    });
    expect(created.mailed).toBe(false);
    const pending = (await owner.call("GET", "/api/account/invitations")).json().items;
    expect(pending).toEqual([created.invitation]);
    // Only the hash is kept.
    const stored = await s.db.db.selectFrom("invitation").select("token_hash").execute();
    expect(JSON.stringify(stored)).not.toContain(tokenOf(created.link));

    const coach = await signUp(s, "Coach", "coach@example.com");
    const token = tokenOf(created.link);
    const preview = await coach.call("POST", "/api/invitations/preview", { token });
    expect(preview.json()).toEqual({
      accountName: "Ada's network",
      role: "viewer",
      email: "coach@example.com",
      invitedBy: "Ada",
      expiresAt: "2026-11-09T14:00:00.000Z",
    });
    const accepted = await coach.call("POST", "/api/invitations/accept", { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ accountId, email: "coach@example.com", role: "viewer" });
    const asViewer = { "x-kith-account": accountId };
    expect((await coach.call("GET", "/api/contacts", undefined, asViewer)).statusCode).toBe(200);
    expect((await coach.call("POST", "/api/contacts", { firstName: "X" }, asViewer)).statusCode).toBe(403);
    // Single use.
    const again = await coach.call("POST", "/api/invitations/accept", { token });
    expect(again.statusCode).toBe(404);
    expect(again.json().errors[0].path).toBe("token");
    expect((await owner.call("GET", "/api/account/invitations")).json().items).toEqual([]);
  });

  it("two acceptances of one link at once make one membership", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const coach = await signUp(s, "Coach", "coach@example.com");
    const link = (
      await owner.call("POST", "/api/account/invitations", { email: "coach@example.com", role: "viewer" })
    ).json().link as string;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => coach.call("POST", "/api/invitations/accept", { token: tokenOf(link) })),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 404 || c === 409)).toBe(true);
    const members = (await owner.call("GET", "/api/account/members")).json().items as { email: string }[];
    expect(members.map((m) => m.email).sort()).toEqual(["ada@example.com", "coach@example.com"]);
  });

  it("a link works only for the address it was made for, until it expires or is revoked", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const mallory = await signUp(s, "Mallory", "mallory@example.com");
    const coach = await signUp(s, "Coach", "coach@example.com");
    const invite = async () =>
      (await owner.call("POST", "/api/account/invitations", { email: "coach@example.com", role: "editor" })).json();

    const forwarded = tokenOf((await invite()).link);
    const wrong = await mallory.call("POST", "/api/invitations/accept", { token: forwarded });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: "token" });

    const revoked = await invite();
    expect((await owner.call("DELETE", `/api/account/invitations/${revoked.invitation.id}`)).statusCode).toBe(204);
    expect((await coach.call("POST", "/api/invitations/accept", { token: tokenOf(revoked.link) })).statusCode).toBe(
      404,
    );

    s.clock.set("2026-11-09T14:00:00.000Z");
    expect((await coach.call("POST", "/api/invitations/accept", { token: forwarded })).statusCode).toBe(404);
    expect((await owner.call("GET", "/api/account/invitations")).json().items).toEqual([]);
  });

  it("only owners invite, list and revoke; an invited editor cannot", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const accountId = (await owner.call("GET", "/api/account")).json().id as string;
    const editor = await signUp(s, "Ed", "ed@example.com");
    const link = (
      await owner.call("POST", "/api/account/invitations", { email: "ed@example.com", role: "editor" })
    ).json().link as string;
    await editor.call("POST", "/api/invitations/accept", { token: tokenOf(link) });
    const asEditor = { "x-kith-account": accountId };
    const tries = [
      await editor.call("POST", "/api/account/invitations", { email: "x@example.com", role: "owner" }, asEditor),
      await editor.call("GET", "/api/account/invitations", undefined, asEditor),
    ];
    expect(tries.map((t) => t.statusCode)).toEqual([403, 403]);
  });
});
