import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  acceptInvitation,
  actorFromApiToken,
  addOpportunityComment,
  changeMemberRole,
  createApiToken,
  createContact,
  createInvitation,
  createOpportunity,
  exportBackup,
  getContact,
  getOpportunity,
  type InvitationLinks,
  inviteShare,
  listContacts,
  listInteractions,
  listOpportunityComments,
  listShares,
  logInteraction,
  myAccess,
  noteSharedAccess,
  resolveActor,
  revokeShare,
  shareAccessLog,
  updateShare,
} from "../index.ts";
import { codeOf } from "../testing/fakes.ts";

const links: InvitationLinks = { linkFor: (token) => `http://kith.test/invite#${token}`, mail: null };
const tokenOf = (link: string) => link.slice(link.indexOf("#") + 1);

describe.each(DIALECTS)("coach and partner access on %s", (dialect) => {
  const w = useTestWorld(dialect);

  /** Alice shares with Bob (a user with an account of his own); Bob accepts; Bob's actor in Alice's account. */
  async function coachBob(scope: unknown): Promise<Actor> {
    const { link } = await inviteShare(w.deps, w.alice, links, { email: "Bob@Example.test", scope });
    await acceptInvitation(w.deps, w.bob, { token: tokenOf(link) });
    return resolveActor(w.deps, w.bob.userId, w.alice.accountId);
  }

  it("a tag-scoped coach lists, searches and opens only contacts carrying a shared tag; others are not found", async () => {
    const shared = await createContact(w.deps, w.alice, {
      firstName: "Zoë",
      lastName: "Ångström",
      tags: ["Job Search"],
    });
    const mentor = await createContact(w.deps, w.alice, { firstName: "שרה", tags: ["mentors", "family"] });
    const hidden = await createContact(w.deps, w.alice, { firstName: "Zoë", lastName: "Hidden 🙈", tags: ["family"] });
    const untagged = await createContact(w.deps, w.alice, { firstName: "Nobody" });
    const bobsOwn = await createContact(w.deps, w.bob, { firstName: "Bob's friend", tags: ["job search"] });
    const coach = await coachBob({ kind: "scoped", tags: ["job search", "Mentors"], jobSearch: false });
    expect(coach.role).toBe("coach");
    expect(coach.scope).toEqual({ tags: ["job search", "mentors"], jobSearch: false });

    const listed = await listContacts(w.deps, coach, {}, {});
    expect(listed.items.map((c) => c.id).sort()).toEqual([shared.id, mentor.id].sort());
    expect(listed.total).toBe(2);
    expect((await listContacts(w.deps, coach, { q: "Zoë" }, {})).items.map((c) => c.id)).toEqual([shared.id]);
    expect((await listContacts(w.deps, coach, { tag: "family" }, {})).items.map((c) => c.id)).toEqual([mentor.id]);
    expect((await getContact(w.deps, coach, shared.id)).lastName).toBe("Ångström");
    for (const id of [hidden.id, untagged.id, bobsOwn.id]) {
      expect(await codeOf(getContact(w.deps, coach, id))).toBe("not_found");
      expect(await codeOf(listInteractions(w.deps, coach, { contactId: id }, {}))).toBe("not_found");
    }
    // The timeline of a shared contact, never the account's whole history.
    await logInteraction(w.deps, w.alice, { contactIds: [shared.id], kind: "call", direction: "outbound" });
    await logInteraction(w.deps, w.alice, { contactIds: [hidden.id], kind: "call", direction: "outbound" });
    expect((await listInteractions(w.deps, coach, { contactId: shared.id }, {})).items).toHaveLength(1);
    expect(await codeOf(listInteractions(w.deps, coach, {}, {}))).toBe("validation");
    // Reads only: a coach writes nothing but comments.
    expect(await codeOf(createContact(w.deps, coach, { firstName: "No" }))).toBe("forbidden");
    expect(
      await codeOf(logInteraction(w.deps, coach, { contactIds: [shared.id], kind: "call", direction: "outbound" })),
    ).toBe("forbidden");
    expect(await myAccess(w.deps, coach)).toEqual({
      role: "coach",
      scope: { tags: ["job search", "mentors"], jobSearch: false },
    });
  });

  it("comments: members and a coach with the job search write them; a coach without it, or another account, cannot", async () => {
    const o = await createOpportunity(w.deps, w.alice, { title: "Staff engineer", companyName: "Acme" });
    const coach = await coachBob({ kind: "scoped", tags: [], jobSearch: true });
    expect((await getOpportunity(w.deps, coach, o.id)).title).toBe("Staff engineer");
    const c = await addOpportunityComment(w.deps, coach, o.id, { body: "  Ask about the team's on-call 📟  " });
    expect(c).toMatchObject({ authorId: w.bob.userId, authorName: "Bob", body: "Ask about the team's on-call 📟" });
    w.clock.set("2026-11-02T09:01:00.000Z");
    await addOpportunityComment(w.deps, w.alice, o.id, { body: "Will do — شكرا" });
    const thread = await listOpportunityComments(w.deps, w.alice, o.id);
    expect(thread.items.map((x) => x.authorName)).toEqual(["Bob", "Alice"]);
    expect(await codeOf(addOpportunityComment(w.deps, coach, o.id, { body: "" }))).toBe("validation");
    expect(await codeOf(addOpportunityComment(w.deps, coach, o.id, { body: "x".repeat(2001) }))).toBe("validation");
    // Bob as the owner of his own account does not reach Alice's opportunity.
    expect(await codeOf(listOpportunityComments(w.deps, w.bob, o.id))).toBe("not_found");
    expect(await codeOf(addOpportunityComment(w.deps, w.bob, o.id, { body: "hi" }))).toBe("not_found");
    // The job search taken back: the thread is refused.
    await updateShare(w.deps, w.alice, w.bob.userId, { scope: { kind: "scoped", tags: ["x"], jobSearch: false } });
    const narrowed = await resolveActor(w.deps, w.bob.userId, w.alice.accountId);
    expect(await codeOf(listOpportunityComments(w.deps, narrowed, o.id))).toBe("forbidden");
    expect(await codeOf(addOpportunityComment(w.deps, narrowed, o.id, { body: "still here?" }))).toBe("forbidden");
    // The backup carries the thread, authors by name.
    const backup = await exportBackup(w.deps, w.alice);
    expect(backup.opportunities[0]?.comments.map((x) => x.body)).toEqual([
      "Ask about the team's on-call 📟",
      "Will do — شكرا",
    ]);
  });

  it("the owner lists, rescopes and revokes; revoking stops sessions and tokens at once; the log is per day", async () => {
    const coach = await coachBob({ kind: "scoped", tags: ["job search"], jobSearch: true });
    const token = (await createApiToken(w.deps, coach, { name: "coach laptop" })).token;
    expect((await actorFromApiToken(w.deps, token))?.scope).toEqual({ tags: ["job search"], jobSearch: true });
    await noteSharedAccess(w.deps, coach);
    await noteSharedAccess(w.deps, coach);
    await noteSharedAccess(w.deps, w.alice); // owners are not logged
    const [share] = (await listShares(w.deps, w.alice)).items;
    expect(share).toMatchObject({
      userId: w.bob.userId,
      email: "bob@example.test",
      scope: { kind: "scoped", tags: ["job search"], jobSearch: true },
      lastSeenAt: w.clock.now().toISOString(),
    });
    expect((await shareAccessLog(w.deps, w.alice, w.bob.userId)).items).toEqual([
      { dayOn: "2026-11-02", reads: 2, firstAt: w.clock.now().toISOString(), lastAt: w.clock.now().toISOString() },
    ]);
    // Only owners administer shares; a coach cannot read the list or share further.
    expect(await codeOf(listShares(w.deps, coach))).toBe("forbidden");
    expect(
      await codeOf(inviteShare(w.deps, coach, links, { email: "x@example.test", scope: { kind: "everything" } })),
    ).toBe("forbidden");
    // A coach is never made by a plain role change or a plain invitation (no moment without a scope).
    expect(await codeOf(changeMemberRole(w.deps, w.alice, w.bob.userId, "coach"))).toBe("validation");
    expect(await codeOf(createInvitation(w.deps, w.alice, links, { email: "c@example.test", role: "coach" }))).toBe(
      "validation",
    );
    // Everything: a plain viewer.
    await updateShare(w.deps, w.alice, w.bob.userId, { scope: { kind: "everything" } });
    const viewer = await resolveActor(w.deps, w.bob.userId, w.alice.accountId);
    expect(viewer).toEqual({ userId: w.bob.userId, accountId: w.alice.accountId, role: "viewer" });
    expect(await codeOf(updateShare(w.deps, w.alice, w.alice.userId, { scope: { kind: "everything" } }))).toBe(
      "not_found",
    );
    expect(
      await codeOf(
        updateShare(w.deps, w.alice, w.bob.userId, { scope: { kind: "scoped", tags: [], jobSearch: false } }),
      ),
    ).toBe("validation");
    await revokeShare(w.deps, w.alice, w.bob.userId);
    expect(await codeOf(resolveActor(w.deps, w.bob.userId, w.alice.accountId))).toBe("not_found");
    expect(await actorFromApiToken(w.deps, token)).toBeNull();
    expect((await listShares(w.deps, w.alice)).items).toEqual([]);
    expect(await codeOf(shareAccessLog(w.deps, w.alice, w.bob.userId))).toBe("not_found");
    // Bob's own account is his still.
    expect((await resolveActor(w.deps, w.bob.userId)).accountId).toBe(w.bob.accountId);
  });

  it("keeps 90 days of log: the day a new day starts, older days are forgotten", async () => {
    const coach = await coachBob({ kind: "scoped", tags: ["a"], jobSearch: false });
    await noteSharedAccess(w.deps, coach);
    w.clock.set("2027-01-30T12:00:00.000Z");
    await noteSharedAccess(w.deps, coach);
    expect((await shareAccessLog(w.deps, w.alice, w.bob.userId)).items.map((d) => d.dayOn)).toEqual([
      "2027-01-30",
      "2026-11-02",
    ]);
    w.clock.set("2027-01-31T12:00:00.000Z");
    await noteSharedAccess(w.deps, coach);
    expect((await shareAccessLog(w.deps, w.alice, w.bob.userId)).items.map((d) => d.dayOn)).toEqual([
      "2027-01-31",
      "2027-01-30",
    ]);
  });
});
