import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import type { ContactRelationship } from "./network-types.ts";
import { RelationshipsSection } from "./relationships-section.tsx";

const ana = contactOf({ id: "ana", firstName: "Ana", lastName: "Ruiz" });
const leo = contactOf({ id: "leo", firstName: "Leo", lastName: "Park" });
const editor = { "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }) };
const edge = (over: Partial<ContactRelationship> = {}): ContactRelationship => ({
  id: "r1",
  fromContactId: "ana",
  toContactId: "leo",
  kind: "knows",
  how: "Robotics fair",
  strength: 5,
  sinceOn: "2019-01-01",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  other: { id: "leo", displayName: "Leo Park" },
  role: "knows",
  sentence: "Ana Ruiz knows Leo Park",
  ...over,
});

describe("RelationshipsSection", () => {
  it("reads each edge from this contact's side, the other person a link, with since, strength and how", async () => {
    fakeApi({ ...editor, "GET /api/contacts/ana/relationships": () => ({ items: [edge()] }) });
    renderPage(<RelationshipsSection contact={ana} />);
    const list = await screen.findByRole("list", { name: "Ana Ruiz's relationships" });
    const item = await within(list).findByRole("listitem");
    expect(item.textContent).toContain("Ana Ruiz knows Leo Park");
    expect(within(item).getByRole("link", { name: "Leo Park" }).getAttribute("href")).toBe("/contacts/leo");
    expect(item.textContent).toContain("since 2019 · strong tie · Robotics fair");
  });

  it("adds Leo as Ana's child: the parent edge points from Ana to Leo, the year kept as its 1 January", async () => {
    let items: ContactRelationship[] = [];
    const api = fakeApi({
      ...editor,
      "GET /api/contacts/ana/relationships": () => ({ items }),
      "GET /api/contacts": () => ({ items: [leo], nextCursor: null }),
      "POST /api/relationships": () => {
        items = [edge({ kind: "parent", role: "child", sentence: "Ana Ruiz is Leo Park's parent", how: "" })];
        return items[0];
      },
    });
    const { user } = renderPage(<RelationshipsSection contact={ana} />);
    await user.click(await screen.findByRole("button", { name: "Add relationship" }));
    const form = screen.getByRole("form", { name: "Add a relationship for Ana Ruiz" });
    await user.type(within(form).getByRole("combobox", { name: "Who" }), "Leo");
    await user.click(await screen.findByRole("option", { name: /Leo Park/ }));
    await user.selectOptions(within(form).getByLabelText("Their relationship to Ana"), "child");
    expect(within(form).getByRole("status").textContent).toBe("Ana Ruiz is Leo Park's parent");
    await user.type(within(form).getByLabelText("Since (year)"), "1998");
    await user.click(within(form).getByRole("button", { name: "Add relationship" }));

    await waitFor(() =>
      expect(api.sent("POST", "/api/relationships").map((r) => r.body)).toEqual([
        { fromContactId: "ana", toContactId: "leo", kind: "parent", how: "", strength: 3, sinceOn: "1998-01-01" },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole("form")).toBeNull());
    const list = screen.getByRole("list", { name: "Ana Ruiz's relationships" });
    expect((await within(list).findByRole("listitem")).textContent).toContain("Ana Ruiz is Leo Park's parent");
  });

  it("says why an edge was refused, and keeps the form", async () => {
    fakeApi({
      ...editor,
      "GET /api/contacts/ana/relationships": () => ({ items: [] }),
      "GET /api/contacts": () => ({ items: [leo], nextCursor: null }),
      "POST /api/relationships": () =>
        reply(409, { title: "Conflict", status: 409, detail: "Ana Ruiz and Leo Park already have a knows edge." }),
    });
    const { user } = renderPage(<RelationshipsSection contact={ana} />);
    await user.click(await screen.findByRole("button", { name: "Add relationship" }));
    const form = screen.getByRole("form", { name: "Add a relationship for Ana Ruiz" });
    await user.type(within(form).getByRole("combobox", { name: "Who" }), "Leo");
    await user.click(await screen.findByRole("option", { name: /Leo Park/ }));
    await user.click(within(form).getByRole("button", { name: "Add relationship" }));
    expect((await within(form).findByRole("alert")).textContent).toContain("already have a knows edge");
  });

  it("edits how, strength and since without touching the ends, and removes only once confirmed", async () => {
    let items = [edge({ sinceOn: "2019-06-15" })];
    const api = fakeApi({
      ...editor,
      "GET /api/contacts/ana/relationships": () => ({ items }),
      "PATCH /api/relationships/r1": () => items[0],
      "DELETE /api/relationships/r1": () => {
        items = [];
        return undefined;
      },
    });
    const { user } = renderPage(<RelationshipsSection contact={ana} />);
    await user.click(await screen.findByRole("button", { name: "Edit: Ana Ruiz knows Leo Park" }));
    const form = screen.getByRole("form", { name: "Edit: Ana Ruiz knows Leo Park" });
    await user.selectOptions(within(form).getByLabelText("Strength"), "2");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    // The year did not change: the full date the edge had is kept (no sinceOn sent).
    await waitFor(() =>
      expect(api.sent("PATCH", "/api/relationships/r1").map((r) => r.body)).toEqual([
        { how: "Robotics fair", strength: 2 },
      ]),
    );

    await user.click(await screen.findByRole("button", { name: "Remove: Ana Ruiz knows Leo Park" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove this relationship?" });
    expect(api.sent("DELETE", "/api/relationships/r1")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(api.sent("DELETE", "/api/relationships/r1")).toHaveLength(1));
    expect(await screen.findByText(/No one linked to Ana yet/)).toBeTruthy();
  });
});
