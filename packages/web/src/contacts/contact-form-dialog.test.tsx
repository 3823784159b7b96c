import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Contact } from "../api/types.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { ContactFormDialog } from "./contact-form-dialog.tsx";

const saved = (over: Partial<Contact> = {}) =>
  contactOf({ id: "c1", firstName: "Rosa", lastName: "Diaz", displayName: "Rosa Diaz", ...over });

const lists = {
  "GET /api/companies": () => ({ items: [{ id: "co1", name: "Acme Studio" }], nextCursor: null }),
  "GET /api/settings": () => reply(404, {}),
};

describe("ContactFormDialog", () => {
  it("sends the fields as the API wants them, then opens the new contact", async () => {
    const api = fakeApi({ ...lists, "POST /api/contacts": () => saved() });
    const onClose = vi.fn();
    const { user, history } = renderPage(<ContactFormDialog onClose={onClose} />, "/contacts");
    const dialog = screen.getByRole("dialog", { name: "Add a contact" });

    await user.type(within(dialog).getByRole("textbox", { name: "First name" }), "  Rosa ");
    await user.type(within(dialog).getByRole("textbox", { name: "Last name" }), "Diaz");
    await user.type(within(dialog).getByRole("textbox", { name: "Email" }), "rosa@example.com");
    await user.type(within(dialog).getByRole("textbox", { name: "Tags" }), "ceramics, , lisbon ,");
    await user.type(within(dialog).getByRole("textbox", { name: "How we met" }), "Studio opening");
    await user.click(within(dialog).getByRole("button", { name: "Add contact" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.sent("POST", "/api/contacts").map((r) => r.body)).toEqual([
      {
        firstName: "Rosa",
        lastName: "Diaz",
        title: "",
        companyId: null,
        circle: "network",
        tags: ["ceramics", "lisbon"],
        interests: [],
        howWeMet: "Studio opening",
        emails: [{ address: "rosa@example.com" }],
        phones: [],
      },
    ]);
    expect(history.at(-1)).toBe("/contacts/c1");
  });

  it("shows the server's message under the field it names, and stays open", async () => {
    fakeApi({
      ...lists,
      "POST /api/contacts": () =>
        reply(400, {
          title: "Bad Request",
          errors: [{ path: "emails.0.address", message: "not an email address" }],
        }),
    });
    const onClose = vi.fn();
    const { user } = renderPage(<ContactFormDialog onClose={onClose} />);

    await user.type(screen.getByRole("textbox", { name: "First name" }), "Rosa");
    // Valid for the browser (so the form is sent), refused by the server.
    await user.type(screen.getByRole("textbox", { name: "Email" }), "rosa@example");
    await user.click(screen.getByRole("button", { name: "Add contact" }));

    const email = await screen.findByRole("textbox", { name: "Email", description: "not an email address" });
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("textbox", { name: "First name" }).getAttribute("aria-invalid")).toBeNull();
    // Placed beside its field, the message is not repeated as a general alert.
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("refuses to send without a first name, or with an address the browser can tell is not one", async () => {
    const api = fakeApi({ ...lists, "POST /api/contacts": () => saved() });
    const { user } = renderPage(<ContactFormDialog onClose={() => {}} />);
    const firstName = screen.getByRole("textbox", { name: /First name/ }) as HTMLInputElement;
    const email = screen.getByRole("textbox", { name: "Email" }) as HTMLInputElement;

    await user.type(screen.getByRole("textbox", { name: "Last name" }), "Diaz");
    await user.click(screen.getByRole("button", { name: "Add contact" }));
    expect(firstName.validity.valueMissing).toBe(true);

    await user.type(firstName, "Rosa");
    await user.type(email, "rosa@");
    await user.click(screen.getByRole("button", { name: "Add contact" }));
    expect(email.validity.typeMismatch).toBe(true);

    expect(api.sent("POST", "/api/contacts")).toEqual([]);
  });

  it("edits the first email address and keeps the others", async () => {
    const existing = saved({
      emails: [
        { address: "rosa@old.example", label: "work" },
        { address: "rosa@home.example", label: "home" },
      ],
    });
    const api = fakeApi({ ...lists, "PATCH /api/contacts/c1": () => existing });
    const onClose = vi.fn();
    const { user, history } = renderPage(<ContactFormDialog contact={existing} onClose={onClose} />, "/contacts/c1");
    const email = screen.getByRole("textbox", { name: "Email" });

    await user.clear(email);
    await user.type(email, "rosa@new.example");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [patch] = api.sent("PATCH", "/api/contacts/c1");
    expect(patch?.body).toMatchObject({
      emails: [
        { address: "rosa@new.example", label: "work" },
        { address: "rosa@home.example", label: "home" },
      ],
    });
    expect(history.at(-1)).toBe("/contacts/c1");
  });
});
