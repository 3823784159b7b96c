import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { closeQuickLog, openQuickLog } from "../app/quick-log.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import QuickLogDialog from "./quick-log-dialog.tsx";

const rosa = { id: "c1", displayName: "Rosa Diaz", title: "Potter" };
const contacts = {
  "GET /api/contacts": () => ({ items: [rosa, { id: "c2", displayName: "Alan Turing", title: "" }], nextCursor: null }),
};

afterEach(() => closeQuickLog());

describe("QuickLogDialog", () => {
  it("asks whom it was with before sending anything", async () => {
    const api = fakeApi(contacts);
    openQuickLog();
    const { user } = renderPage(<QuickLogDialog />);
    const withWhom = screen.getByRole("combobox", { name: "With" }) as HTMLInputElement;
    // "With" shows its suggestions from the start; Escape puts them away.
    await screen.findByRole("option", { name: /Rosa Diaz/ });
    await user.click(withWhom);
    await user.keyboard("{Escape}");

    await user.type(screen.getByRole("textbox", { name: "What about" }), "Coffee");
    await user.click(screen.getByRole("button", { name: "Log it" }));

    // The browser holds the form back (the field is required), so its own message shows there.
    expect(withWhom.validity.valueMissing).toBe(true);
    expect(api.sent("POST", "/api/interactions")).toEqual([]);
  });

  it("sends the contact picked by name, the kind, the direction, the time and the line, then closes", async () => {
    const api = fakeApi({ ...contacts, "POST /api/interactions": () => ({ id: "i1" }) });
    openQuickLog();
    const { user } = renderPage(<QuickLogDialog />);

    await user.type(screen.getByRole("combobox", { name: "With" }), "Ros");
    await user.click(await screen.findByRole("option", { name: /Rosa Diaz/ }));
    await user.click(screen.getByRole("radio", { name: "Call" }));
    await user.click(screen.getByRole("radio", { name: "They reached out" }));
    const when = screen.getByLabelText("When");
    await user.clear(when);
    await user.type(when, "2026-03-04T09:30");
    await user.type(screen.getByRole("textbox", { name: "What about" }), "  Asked about Lisbon ");
    await user.click(screen.getByRole("button", { name: "Log it" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The names offered were the server's answer to what was typed.
    expect(api.sent("GET", "/api/contacts").map((r) => r.query.get("q"))).toContain("Ros");
    expect(api.sent("POST", "/api/interactions").map((r) => r.body)).toEqual([
      {
        contactIds: ["c1"],
        kind: "call",
        direction: "inbound",
        occurredAt: new Date("2026-03-04T09:30").toISOString(),
        summary: "Asked about Lisbon",
      },
    ]);
  });

  it("opened from a contact, logs with them; unticking the real exchange says so", async () => {
    const api = fakeApi({ ...contacts, "POST /api/interactions": () => ({ id: "i1" }) });
    openQuickLog({ id: "c1", displayName: "Rosa Diaz" });
    const { user } = renderPage(<QuickLogDialog />);

    expect(screen.getByRole("combobox", { name: "With" })).toHaveProperty("value", "Rosa Diaz");
    await user.click(screen.getByRole("checkbox", { name: /A real exchange/ }));
    await user.click(screen.getByRole("button", { name: "Log it" }));

    await waitFor(() => expect(api.sent("POST", "/api/interactions")).toHaveLength(1));
    expect(api.sent("POST", "/api/interactions")[0]?.body).toMatchObject({
      contactIds: ["c1"],
      kind: "email",
      direction: "outbound",
      summary: "",
      meaningful: false,
    });
  });

  it("shows the server's message under the line it is about, and stays open", async () => {
    fakeApi({
      ...contacts,
      "POST /api/interactions": () =>
        reply(400, { title: "Bad Request", errors: [{ path: "summary", message: "at most 2000 characters" }] }),
    });
    openQuickLog({ id: "c1", displayName: "Rosa Diaz" });
    const { user } = renderPage(<QuickLogDialog />);

    await user.type(screen.getByRole("textbox", { name: "What about" }), "A very long story");
    await user.click(screen.getByRole("button", { name: "Log it" }));

    const summary = await screen.findByRole("textbox", { name: "What about", description: "at most 2000 characters" });
    expect(summary.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("dialog", { name: "Log an interaction" })).toBeTruthy();
  });
});
