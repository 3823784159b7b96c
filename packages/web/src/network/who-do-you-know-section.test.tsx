import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Ask } from "../asks/ask-types.ts";
import { askOf } from "../testing/ask.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import type { WhoDoYouKnow } from "./network-types.ts";
import { WhoDoYouKnowSection } from "./who-do-you-know-section.tsx";

const acme = { id: "acme", name: "Acme Robotics" };
const editor = { "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }) };
const answer: WhoDoYouKnow = {
  company: acme,
  degrees: [
    {
      degree: 2,
      people: [
        {
          contactId: "leo",
          displayName: "Leo Park",
          title: "CTO",
          through: [{ contactId: "ana", displayName: "Ana Ruiz" }],
          score: 0.8,
        },
      ],
    },
  ],
  ask: {
    contactId: "ana",
    displayName: "Ana Ruiz",
    draft: {
      templateId: null,
      templateName: "Who do you know?",
      channel: "email",
      subject: "A quick question about Acme Robotics",
      body: "Hi Ana, do you know someone at Acme Robotics?",
    },
  },
  truncated: true,
};

describe("WhoDoYouKnowSection", () => {
  it("lists people by degree and through whom, and says in words when the search was cut short", async () => {
    fakeApi({
      ...editor,
      "GET /api/companies/acme/who-do-you-know": () => answer,
      "GET /api/asks": () => ({ items: [] }),
      "GET /api/contacts/ana": () => contactOf({ id: "ana", firstName: "Ana", lastName: "Ruiz" }),
    });
    renderPage(<WhoDoYouKnowSection company={acme} />);
    const second = await screen.findByRole("list", { name: "2nd degree at Acme Robotics" });
    expect(second.textContent).toContain("Leo Park · CTO");
    expect(within(second).getByRole("link", { name: "Ana Ruiz" }).getAttribute("href")).toBe("/contacts/ana");
    expect(screen.getByRole("note").textContent).toContain("there may be other ways in");
  });

  it("records the ask when the member says they sent the drafted one, and then points to the board", async () => {
    let asks: Ask[] = [];
    const api = fakeApi({
      ...editor,
      "GET /api/companies/acme/who-do-you-know": () => answer,
      "GET /api/asks": () => ({ items: asks }),
      "GET /api/contacts/ana": () => contactOf({ id: "ana", firstName: "Ana", lastName: "Ruiz" }),
      "POST /api/asks": () => {
        asks = [askOf({ askedAt: "2026-12-07T09:00:00.000Z" })];
        return asks[0];
      },
    });
    const { user } = renderPage(<WhoDoYouKnowSection company={acme} />);
    const draft = await screen.findByRole("group", { name: "Draft for Ana Ruiz" });
    expect(within(draft).queryByRole("button", { name: /Send/ })).toBeNull();
    await user.click(await within(draft).findByRole("button", { name: "Copy the draft for Ana Ruiz" }));
    await user.click(await screen.findByRole("button", { name: "Yes, log it" }));
    await waitFor(() =>
      expect(api.sent("POST", "/api/asks").map((r) => r.body)).toEqual([
        { contactId: "ana", about: { kind: "company", companyId: "acme" } },
      ]),
    );
    expect(api.sent("POST", "/api/messages/sent")).toHaveLength(0);
    expect(await screen.findByText(/You asked Ana Ruiz about Acme Robotics \(asked\)/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "See the asks board" }).getAttribute("href")).toBe("/network/asks");
  });

  it("says why nobody is known when people work there but none has been in touch, and not 'no one is linked'", async () => {
    const none = { company: acme, degrees: [], ask: null, truncated: false };
    fakeApi({
      ...editor,
      "GET /api/companies/acme/who-do-you-know": () => none,
      "GET /api/asks": () => ({ items: [] }),
    });
    const { unmount } = renderPage(<WhoDoYouKnowSection company={acme} peopleThere={2} />);
    expect(
      (await screen.findByText(/You have not been in touch with anyone at Acme Robotics yet/)).textContent,
    ).toMatch(/log one with a person listed above/);
    expect(screen.queryByText(/No one you know is linked/)).toBeNull();
    unmount();
    renderPage(<WhoDoYouKnowSection company={acme} />);
    expect(await screen.findByText(/No one you know is linked to Acme Robotics yet/)).toBeTruthy();
  });
});
