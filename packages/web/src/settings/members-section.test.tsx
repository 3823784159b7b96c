import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { MembersSection } from "./members-section.tsx";

const me = {
  user: { id: "u-ada", email: "ada@example.com", name: "Ada" },
  accountId: "acc-1",
  role: "owner",
};
const members = {
  items: [{ accountId: "acc-1", userId: "u-ada", email: "ada@example.com", name: "Ada", role: "owner", createdAt: "" }],
  nextCursor: null,
};
const invitation = {
  id: "inv-1",
  email: "coach@example.com",
  role: "viewer",
  createdAt: "2026-11-02T14:00:00.000Z",
  expiresAt: "2026-11-09T14:00:00.000Z",
};

describe("the members section", () => {
  it("an owner invites by address and role, sees the link to copy, and revokes a pending invitation", async () => {
    let pending: (typeof invitation)[] = [];
    const sent = fakeApi({
      "GET /api/auth/me": () => me,
      "GET /api/account/members": () => members,
      "GET /api/account/invitations": () => ({ items: pending }),
      "POST /api/account/invitations": () => {
        pending = [invitation];
        return reply(201, { invitation, link: "http://kith.test/invite#kinv_secret", mailed: false });
      },
      "DELETE /api/account/invitations/inv-1": () => {
        pending = [];
        return reply(204, undefined);
      },
    });
    const { user } = renderPage(<MembersSection />);
    await user.type(await screen.findByLabelText(/^Invite by email/), "coach@example.com");
    await user.click(screen.getByRole("button", { name: "Invite" }));
    expect(await screen.findByText("http://kith.test/invite#kinv_secret")).toBeTruthy();
    expect(screen.getByText(/Send this link to coach@example.com/)).toBeTruthy();
    expect(sent.sent("POST", "/api/account/invitations").map((r) => r.body)).toEqual([
      { email: "coach@example.com", role: "viewer" },
    ]);
    const list = await screen.findByRole("list", { name: "Pending invitations" });
    expect(within(list).getByText("coach@example.com")).toBeTruthy();
    await user.click(within(list).getByRole("button", { name: "Revoke the invitation of coach@example.com" }));
    await waitFor(() => expect(screen.queryByRole("list", { name: "Pending invitations" })).toBeNull());
    expect(sent.sent("DELETE", "/api/account/invitations/inv-1")).toHaveLength(1);
  });

  it("has no way to add a registered user directly", async () => {
    fakeApi({
      "GET /api/auth/me": () => me,
      "GET /api/account/members": () => members,
      "GET /api/account/invitations": () => ({ items: [] }),
    });
    renderPage(<MembersSection />);
    await screen.findByLabelText(/^Invite by email/);
    expect(screen.queryByRole("button", { name: /add member/i })).toBeNull();
    expect(screen.queryByText(/must have signed up/i)).toBeNull();
  });
});
