import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Duplicate } from "../api/types.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import DuplicatesPage from "./duplicates-page.tsx";

const ada = contactOf({ id: "c1", firstName: "Ada", lastName: "Lovelace", emails: [{ address: "ada@example.com" }] });
const adaK = contactOf({ id: "c2", firstName: "Ada", lastName: "King", emails: [{ address: "ada@example.com" }] });
const pair: Duplicate = {
  contactId: "c2",
  displayName: "Ada King",
  duplicateOfId: "c1",
  duplicateOfName: "Ada Lovelace",
  by: "email",
};

/** An account with one possible duplicate, which the dismissal routes take off the list and put back. */
function world(role: "editor" | "viewer") {
  let dismissed = false;
  return fakeApi({
    "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role, name: "Ada" }),
    "GET /api/companies": () => ({ items: [], nextCursor: null }),
    "GET /api/contacts/c1": () => ada,
    "GET /api/contacts/c2": () => adaK,
    "GET /api/duplicates": () => ({ items: dismissed ? [] : [pair] }),
    "POST /api/duplicates/dismissals": () => {
      dismissed = true;
      return reply(204, undefined);
    },
    "POST /api/duplicates/dismissals/undo": () => {
      dismissed = false;
      return reply(204, undefined);
    },
  });
}

describe("DuplicatesPage: not the same person", () => {
  it("takes the pair off the list, says so, and undoes it", async () => {
    const api = world("editor");
    const { user } = renderPage(<DuplicatesPage />, "/duplicates");
    await user.click(await screen.findByRole("button", { name: "Not the same person" }));

    expect(
      await screen.findByText("Ada Lovelace and Ada King are not the same person: Kith will not suggest them again."),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("list", { name: "Possible duplicates" })).toBeNull());
    expect(screen.getByText(/No possible duplicates/)).toBeTruthy();
    expect(api.sent("POST", "/api/duplicates/dismissals").map((r) => r.body)).toEqual([{ contactIds: ["c1", "c2"] }]);

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(
      await screen.findByText("Undone: Ada Lovelace and Ada King may be suggested as duplicates again."),
    ).toBeTruthy();
    expect(api.sent("POST", "/api/duplicates/dismissals/undo").map((r) => r.body)).toEqual([
      { contactIds: ["c1", "c2"] },
    ]);
    expect(await screen.findByRole("list", { name: "Possible duplicates" })).toBeTruthy();
  });

  it("shows the error and keeps the pair when the server refuses", async () => {
    fakeApi({
      "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }),
      "GET /api/companies": () => ({ items: [], nextCursor: null }),
      "GET /api/contacts/c1": () => ada,
      "GET /api/contacts/c2": () => adaK,
      "GET /api/duplicates": () => ({ items: [pair] }),
      "POST /api/duplicates/dismissals": () =>
        reply(404, { title: "Not Found", status: 404, detail: "contact c2 was not found" }),
    });
    const { user } = renderPage(<DuplicatesPage />, "/duplicates");
    await user.click(await screen.findByRole("button", { name: "Not the same person" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Possible duplicates" })).toBeTruthy();
  });

  it("offers a viewer neither merge nor dismissal", async () => {
    world("viewer");
    renderPage(<DuplicatesPage />, "/duplicates");
    expect(await screen.findByRole("heading", { name: /Ada King and Ada Lovelace/ })).toBeTruthy();
    await screen.findAllByText("ada@example.com");
    expect(screen.queryByRole("button", { name: "Not the same person" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Merge/ })).toBeNull();
  });
});
