import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { MovedOnCard } from "./moved-on-card.tsx";

const rosa = {
  contactId: "c1",
  displayName: "Rosa Diaz",
  movedOnAt: "2026-11-23T14:00:00.000Z",
  note: "Kith moved them to occasions-only on 2026-11-23 after 3 messages with no reply since 2026-11-02.",
};

describe("MovedOnCard", () => {
  it("says whom Kith moved on and why, and offers to undo it", async () => {
    fakeApi({ "GET /api/auth/me": () => ({ role: "owner" }) });
    const onUndo = vi.fn();
    const { user } = renderPage(<MovedOnCard movedOn={[rosa]} onUndo={onUndo} />);
    expect(screen.getByRole("heading", { name: "Moved on by Kith" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Rosa Diaz" }).getAttribute("href")).toBe("/contacts/c1");
    expect(screen.getByText(/after 3 messages with no reply/)).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "Undo: keep Rosa Diaz" }));
    expect(onUndo).toHaveBeenCalledWith("c1");
  });

  it("shows nothing when Kith moved no one", () => {
    fakeApi({});
    const { container } = renderPage(<MovedOnCard movedOn={[]} onUndo={() => {}} />);
    expect(container.textContent).toBe("");
  });
});
