import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Contact } from "../api/types.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import type { ContactDate } from "./contact-extras-api.ts";
import { ContactFormDialog } from "./contact-form-dialog.tsx";

const lists = {
  "GET /api/companies": () => ({ items: [], nextCursor: null }),
  "GET /api/settings": () => reply(404, {}),
};
/** Rosa as a server with dates answers her. */
const rosa = (dates: ContactDate[] | undefined) =>
  ({ ...contactOf({ id: "c1", firstName: "Rosa" }), ...(dates ? { dates } : {}) }) as Contact;

describe("ContactDatesFields (in the contact form)", () => {
  it("adds an anniversary without a year and a custom date with its label", async () => {
    const api = fakeApi({ ...lists, "PATCH /api/contacts/c1": () => rosa([]) });
    const onClose = vi.fn();
    const { user } = renderPage(<ContactFormDialog contact={rosa([])} onClose={onClose} />);

    await user.click(screen.getByRole("button", { name: "Add anniversary" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Date 1 month" }), "6");
    await user.type(screen.getByRole("spinbutton", { name: "Date 1 day" }), "2");
    await user.click(screen.getByRole("button", { name: "Add other date" }));
    await user.type(screen.getByRole("textbox", { name: "Date 2 label" }), "Opened her studio");
    await user.selectOptions(screen.getByRole("combobox", { name: "Date 2 month" }), "9");
    await user.type(screen.getByRole("spinbutton", { name: "Date 2 day" }), "21");
    await user.type(screen.getByRole("spinbutton", { name: "Date 2 year" }), "2019");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.sent("PATCH", "/api/contacts/c1")[0]?.body).toMatchObject({
      dates: [
        { kind: "anniversary", month: 6, day: 2, year: null },
        { kind: "custom", label: "Opened her studio", month: 9, day: 21, year: 2019 },
      ],
    });
  });

  it("edits the dates the contact has, and removing the last one sends an empty list", async () => {
    const api = fakeApi({ ...lists, "PATCH /api/contacts/c1": () => rosa([]) });
    const onClose = vi.fn();
    const { user } = renderPage(
      <ContactFormDialog contact={rosa([{ kind: "anniversary", month: 6, day: 2, year: 2015 }])} onClose={onClose} />,
    );
    expect((screen.getByRole("combobox", { name: "Date 1 month" }) as HTMLSelectElement).value).toBe("6");
    expect((screen.getByRole("spinbutton", { name: "Date 1 year" }) as HTMLInputElement).value).toBe("2015");
    await user.click(screen.getByRole("button", { name: "Remove date 1" }));
    await user.click(screen.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.sent("PATCH", "/api/contacts/c1")[0]?.body).toMatchObject({ dates: [] });
  });

  it("sends no dates to a server that does not know them, unless one was added", async () => {
    const api = fakeApi({ ...lists, "PATCH /api/contacts/c1": () => rosa(undefined) });
    const onClose = vi.fn();
    const { user } = renderPage(<ContactFormDialog contact={rosa(undefined)} onClose={onClose} />);
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.sent("PATCH", "/api/contacts/c1")[0]?.body).not.toHaveProperty("dates");
  });

  it("shows the server's word beside the date it names", async () => {
    fakeApi({
      ...lists,
      "PATCH /api/contacts/c1": () =>
        reply(400, { title: "Bad Request", errors: [{ path: "dates.0.day", message: "no such day in February" }] }),
    });
    const { user } = renderPage(
      <ContactFormDialog contact={rosa([{ kind: "anniversary", month: 2, day: 30 }])} onClose={() => {}} />,
    );
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(
      await screen.findByRole("combobox", { name: "Date 1 kind", description: "no such day in February" }),
    ).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
