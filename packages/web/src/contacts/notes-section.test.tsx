import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { contactOf } from "../testing/contact.ts";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { NotesSection } from "./notes-section.tsx";

describe("NotesSection", () => {
  it("sends the notes alone, so a contact with only a last name can have notes too", async () => {
    const diaz = contactOf({ id: "c1", firstName: "", lastName: "Diaz" });
    const api = fakeApi({
      "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }),
      "PATCH /api/contacts/c1": () => ({ ...diaz, notes: "Kids: Ana and Rui" }),
    });
    const { user } = renderPage(<NotesSection contact={diaz} />);
    await user.click(await screen.findByRole("button", { name: "Write notes" }));
    await user.type(screen.getByRole("textbox", { name: "Notes (markdown)" }), "Kids: Ana and Rui");
    await user.click(screen.getByRole("button", { name: "Save notes" }));

    await waitFor(() =>
      expect(api.sent("PATCH", "/api/contacts/c1").map((r) => r.body)).toEqual([{ notes: "Kids: Ana and Rui" }]),
    );
  });
});
