import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Interaction } from "../api/types.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { TimelineSection } from "./timeline-section.tsx";

const entry = (over: Partial<Interaction> & Pick<Interaction, "id">): Interaction => ({
  contactIds: ["c1"],
  kind: "email",
  direction: "outbound",
  occurredAt: "2026-03-04T09:30:12.345Z",
  summary: "",
  meaningful: true,
  awaitsReply: true,
  source: "manual",
  createdAt: "2026-03-04T09:30:12.345Z",
  updatedAt: "2026-03-04T09:30:12.345Z",
  ...over,
});

const editor = { "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }) };

describe("TimelineSection", () => {
  it("says where each entry came from, in words", async () => {
    fakeApi({
      ...editor,
      "GET /api/interactions": () => ({
        items: [
          entry({ id: "i1", kind: "meeting", direction: "mutual", summary: "1:1 with Rosa", source: "calendar" }),
          entry({ id: "i2", summary: "Re: Lisbon", source: "mailbox" }),
          entry({ id: "i3", summary: "Coffee", source: "manual", meaningful: false }),
        ],
        nextCursor: null,
      }),
    });
    renderPage(<TimelineSection contactId="c1" />);
    const rows = await screen.findAllByRole("listitem");
    expect(rows.map((row) => row.querySelector(".timeline-source")?.textContent)).toEqual([
      "from your calendar",
      "from your mailbox",
      "logged by hand · not counted as a touch",
    ]);
  });

  it("edits an entry, sending only what changed", async () => {
    const coffee = entry({ id: "i1", summary: "Sent the studio photos" });
    const api = fakeApi({
      ...editor,
      "GET /api/interactions": () => ({ items: [coffee], nextCursor: null }),
      "PATCH /api/interactions/i1": (r) => ({ ...coffee, ...(r.body as object) }),
    });
    const { user } = renderPage(<TimelineSection contactId="c1" />);

    await user.click(await screen.findByRole("button", { name: /^Edit Email/ }));
    const dialog = screen.getByRole("dialog", { name: "Edit this entry" });
    await user.click(within(dialog).getByRole("radio", { name: "Call" }));
    await user.click(within(dialog).getByRole("radio", { name: "Together" }));
    const summary = within(dialog).getByRole("textbox", { name: "What about" });
    await user.clear(summary);
    await user.type(summary, "Called about Lisbon ");
    await user.click(within(dialog).getByRole("checkbox", { name: /A real exchange/ }));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The time was not touched: not sent, so its seconds stay as they were.
    expect(api.sent("PATCH", "/api/interactions/i1").map((r) => r.body)).toEqual([
      { kind: "call", direction: "mutual", summary: "Called about Lisbon", meaningful: false },
    ]);
  });

  it("sends a new time from the date-time field as an instant", async () => {
    const api = fakeApi({
      ...editor,
      "GET /api/interactions": () => ({ items: [entry({ id: "i1" })], nextCursor: null }),
      "PATCH /api/interactions/i1": () => entry({ id: "i1" }),
    });
    const { user } = renderPage(<TimelineSection contactId="c1" />);
    await user.click(await screen.findByRole("button", { name: /^Edit Email/ }));
    const when = screen.getByLabelText("When");
    await user.clear(when);
    await user.type(when, "2026-02-01T18:05");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(api.sent("PATCH", "/api/interactions/i1")).toHaveLength(1));
    expect(api.sent("PATCH", "/api/interactions/i1")[0]?.body).toEqual({
      occurredAt: new Date("2026-02-01T18:05").toISOString(),
    });
  });

  it("shows the server's word beside the field it names and keeps the dialog open", async () => {
    fakeApi({
      ...editor,
      "GET /api/interactions": () => ({ items: [entry({ id: "i1" })], nextCursor: null }),
      "PATCH /api/interactions/i1": () =>
        reply(400, { title: "Bad Request", errors: [{ path: "summary", message: "too long" }] }),
    });
    const { user } = renderPage(<TimelineSection contactId="c1" />);
    await user.click(await screen.findByRole("button", { name: /^Edit Email/ }));
    await user.type(screen.getByRole("textbox", { name: "What about" }), "x");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByRole("textbox", { name: "What about", description: "too long" })).toBeTruthy();
    expect(screen.getByRole("dialog", { name: "Edit this entry" })).toBeTruthy();
  });

  it("deletes an entry only once confirmed, and says when it was shared", async () => {
    const api = fakeApi({
      ...editor,
      "GET /api/interactions": () => ({
        items: [entry({ id: "i1", contactIds: ["c1", "c2"], summary: "Dinner" })],
        nextCursor: null,
      }),
      "DELETE /api/interactions/i1": () => reply(204, undefined),
    });
    const { user } = renderPage(<TimelineSection contactId="c1" />);

    await user.click(await screen.findByRole("button", { name: /^Delete Email/ }));
    let dialog = screen.getByRole("dialog", { name: "Delete this entry?" });
    expect(within(dialog).getByText(/with 1 other person too/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(api.sent("DELETE", "/api/interactions/i1")).toEqual([]);

    await user.click(screen.getByRole("button", { name: /^Delete Email/ }));
    dialog = screen.getByRole("dialog", { name: "Delete this entry?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.sent("DELETE", "/api/interactions/i1")).toHaveLength(1);
  });

  it("offers no edit to a viewer", async () => {
    fakeApi({
      "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "viewer", name: "Coach" }),
      "GET /api/interactions": () => ({ items: [entry({ id: "i1", summary: "Dinner" })], nextCursor: null }),
    });
    renderPage(<TimelineSection contactId="c1" />);
    expect(await screen.findByText("Dinner")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Edit|Delete/ })).toBeNull();
  });
});
