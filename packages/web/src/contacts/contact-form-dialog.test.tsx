import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Contact } from "../api/types.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { ContactFormDialog } from "./contact-form-dialog.tsx";

const saved = (over: Partial<Contact> = {}) =>
  contactOf({ id: "c1", firstName: "Rosa", lastName: "Diaz", displayName: "Rosa Diaz", ...over });

const company = (id: string, name: string) => ({
  id,
  name,
  domain: null,
  target: false,
  notes: "",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const lists = {
  "GET /api/companies": () => ({ items: [company("co1", "Acme Studio")], nextCursor: null }),
  "GET /api/settings": () => reply(404, {}),
};

const textbox = (name: string) => screen.getByRole("textbox", { name });

describe("ContactFormDialog", () => {
  // By label, not by role: role queries walk the time zone list's 400 options each time.
  const field = (label: string) => screen.getByLabelText(label, { selector: "input, textarea, select" });

  it("sends the names and every labelled row as the API wants them, then opens the new contact", async () => {
    const api = fakeApi({ ...lists, "POST /api/contacts": () => saved() });
    const onClose = vi.fn();
    const { user, history } = renderPage(<ContactFormDialog onClose={onClose} />, "/contacts");
    const dialog = screen.getByRole("dialog", { name: "Add a contact" });
    const paste = async (input: HTMLElement, text: string) => {
      await user.click(input);
      await user.paste(text);
    };

    await user.type(field("First name"), "  Rosa ");
    await user.type(field("Last name"), "Diaz");
    await paste(field("Title"), "Ceramicist");
    await user.click(screen.getByText("Add email"));
    await paste(field("Email 1"), "rosa@example.com");
    await user.click(screen.getByText("Add email"));
    await paste(field("Email 2"), "zoë.50@example.com");
    await user.type(field("Email 2 label"), " home ");
    await user.click(screen.getByText("Add phone"));
    await paste(field("Phone 1"), "+351 912 345 678");
    await user.type(field("Phone 1 label"), "mobile");
    await user.click(screen.getByText("Add link"));
    await paste(field("Link 1"), "https://rosa.example");
    await paste(field("Tags"), "ceramics, , lisbon ,");
    await paste(field("How we met"), "Studio opening");
    await user.click(within(dialog).getByText("Add contact", { selector: "button" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.sent("POST", "/api/contacts").map((r) => r.body)).toEqual([
      {
        firstName: "Rosa",
        lastName: "Diaz",
        title: "Ceramicist",
        companyId: null,
        circle: "network",
        tags: ["ceramics", "lisbon"],
        interests: [],
        howWeMet: "Studio opening",
        emails: [{ address: "rosa@example.com" }, { address: "zoë.50@example.com", label: "home" }],
        phones: [{ number: "+351 912 345 678", label: "mobile" }],
        links: [{ url: "https://rosa.example" }],
        birthday: null,
        timeZone: null,
        muted: false,
        cadenceOverride: null,
      },
    ]);
    expect(history.at(-1)).toBe("/contacts/c1");
  });

  it("sends a birthday without a year, the time zone, an own rhythm and mute", async () => {
    const api = fakeApi({ ...lists, "POST /api/contacts": () => saved() });
    const { user } = renderPage(<ContactFormDialog onClose={() => {}} />, "/contacts");

    await user.type(field("First name"), "Rosa");
    await user.selectOptions(field("Birthday month"), "3");
    await user.type(field("Birthday day"), "14");
    await user.type(field("Interests"), "kilns");
    await user.selectOptions(field("Time zone"), "Europe/Lisbon");
    await user.click(screen.getByLabelText("Their own rhythm instead of the circle's"));
    await user.type(field("Due after (days)"), "20");
    await user.type(field("Overdue after (days)"), "40");
    await user.click(screen.getByLabelText(/Mute/));
    await user.click(screen.getByText("Add contact", { selector: "button" }));

    await waitFor(() => expect(api.sent("POST", "/api/contacts")).toHaveLength(1));
    expect(api.sent("POST", "/api/contacts")[0]?.body).toMatchObject({
      interests: ["kilns"],
      birthday: { month: 3, day: 14, year: null },
      timeZone: "Europe/Lisbon",
      muted: true,
      cadenceOverride: { idealDays: 20, maxDays: 40 },
    });
  });

  it("shows the server's message beside the row it names, counting only the rows sent", async () => {
    fakeApi({
      ...lists,
      "POST /api/contacts": () =>
        reply(400, {
          title: "Bad Request",
          errors: [{ path: "emails.1.address", message: "not an email address" }],
        }),
    });
    const onClose = vi.fn();
    const { user } = renderPage(<ContactFormDialog onClose={onClose} />);

    await user.type(textbox("First name"), "Rosa");
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole("button", { name: "Add email" }));
    await user.type(textbox("Email 1"), "rosa@example.com");
    // Email 2 is left blank: not sent, so the server's second address is Email 3.
    await user.type(textbox("Email 3"), "rosa@example");
    await user.click(screen.getByRole("button", { name: "Add contact" }));

    const third = await screen.findByRole("textbox", { name: "Email 3", description: "not an email address" });
    expect(third.getAttribute("aria-invalid")).toBe("true");
    expect(textbox("Email 1").getAttribute("aria-invalid")).toBeNull();
    // Placed beside its field, the message is not repeated as a general alert.
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onClose).not.toHaveBeenCalled();

    // Mended, the address is no longer marked, and the form can be sent again.
    await user.type(textbox("Email 3"), ".com");
    expect(textbox("Email 3").getAttribute("aria-invalid")).toBeNull();
  });

  it("needs a first or a last name, and a last name alone will do", async () => {
    const api = fakeApi({ ...lists, "POST /api/contacts": () => saved({ firstName: "" }) });
    const { user } = renderPage(<ContactFormDialog onClose={() => {}} />);

    await user.click(screen.getByRole("button", { name: "Add contact" }));
    expect(
      screen.getByRole("textbox", { name: "First name", description: "a contact needs a first or a last name" }),
    ).toBeTruthy();
    expect(api.sent("POST", "/api/contacts")).toEqual([]);

    await user.type(textbox("Last name"), "Diaz");
    await user.click(screen.getByRole("button", { name: "Add contact" }));
    await waitFor(() => expect(api.sent("POST", "/api/contacts")).toHaveLength(1));
    expect(api.sent("POST", "/api/contacts")[0]?.body).toMatchObject({ firstName: "", lastName: "Diaz" });
  });

  it("edits what the contact has: removes a row, keeps the others' labels, clears the year of a birthday", async () => {
    const existing = saved({
      emails: [
        { address: "rosa@old.example", label: "work" },
        { address: "rosa@home.example", label: "home" },
      ],
      phones: [{ number: "+351 912 345 678", label: "mobile" }],
      companyId: "co1",
      birthday: { month: 3, day: 14, year: 1990 },
      cadenceOverride: { idealDays: 20, maxDays: 40 },
      timeZone: "Europe/Lisbon",
    });
    const api = fakeApi({ ...lists, "PATCH /api/contacts/c1": () => existing });
    const onClose = vi.fn();
    const { user, history } = renderPage(<ContactFormDialog contact={existing} onClose={onClose} />, "/contacts/c1");

    expect((screen.getByRole("combobox", { name: "Birthday month" }) as HTMLSelectElement).value).toBe("3");
    expect(await screen.findByDisplayValue("Acme Studio")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Remove email 1" }));
    // The removed row's button is gone: the keyboard carries on from "Add email".
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add email" }));
    await user.clear(screen.getByRole("spinbutton", { name: "Birthday year" }));
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [patch] = api.sent("PATCH", "/api/contacts/c1");
    expect(patch?.body).toMatchObject({
      emails: [{ address: "rosa@home.example", label: "home" }],
      phones: [{ number: "+351 912 345 678", label: "mobile" }],
      companyId: "co1",
      birthday: { month: 3, day: 14, year: null },
      cadenceOverride: { idealDays: 20, maxDays: 40 },
      timeZone: "Europe/Lisbon",
      muted: false,
    });
    expect(history.at(-1)).toBe("/contacts/c1");
  });

  it("creates a company from the name typed, and sends it as the contact's company", async () => {
    const api = fakeApi({
      ...lists,
      "POST /api/companies": () => reply(201, company("co2", "Nova Labs")),
      "POST /api/contacts": () => saved(),
    });
    const { user } = renderPage(<ContactFormDialog onClose={() => {}} />);
    await user.type(textbox("First name"), "Rosa");
    await user.type(screen.getByRole("combobox", { name: "Company" }), "Nova Labs");
    await user.click(await screen.findByRole("option", { name: "Create company “Nova Labs”" }));

    await waitFor(() => expect(api.sent("POST", "/api/companies").map((r) => r.body)).toEqual([{ name: "Nova Labs" }]));
    await user.click(screen.getByRole("button", { name: "Add contact" }));
    await waitFor(() => expect(api.sent("POST", "/api/contacts")).toHaveLength(1));
    expect(api.sent("POST", "/api/contacts")[0]?.body).toMatchObject({ companyId: "co2" });
  });

  it("picks an existing company by a few letters", async () => {
    const api = fakeApi({ ...lists, "POST /api/contacts": () => saved() });
    const { user } = renderPage(<ContactFormDialog onClose={() => {}} />);
    await user.type(textbox("First name"), "Rosa");
    await user.type(screen.getByRole("combobox", { name: "Company" }), "acme");
    expect(screen.getByRole("option", { name: "Create company “acme”" })).toBeTruthy();
    await user.click(screen.getByRole("option", { name: "Acme Studio" }));
    await user.click(screen.getByRole("button", { name: "Add contact" }));

    await waitFor(() => expect(api.sent("POST", "/api/contacts")).toHaveLength(1));
    expect(api.sent("POST", "/api/contacts")[0]?.body).toMatchObject({ companyId: "co1" });
    expect(api.sent("POST", "/api/companies")).toEqual([]);
  });
});
