import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Contact } from "../api/types.ts";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { ContactDraftSection } from "./contact-draft-section.tsx";
import { forgetDraftEdits } from "./draft-edits.ts";

const rosa = { id: "c1", displayName: "Rosa Diaz", emails: [{ address: "rosa@example.com" }] } as Contact;
const draftOf = (templateId: string | null, subject: string) => ({
  templateId,
  templateName: templateId ? "Thanks after a meeting" : "Check-in",
  channel: "email",
  subject,
  body: `Hi Rosa,\n\n${subject}`,
});

beforeEach(() => forgetDraftEdits());

describe("ContactDraftSection", () => {
  it("drafts Kith's pick, switches template, and logs a copied message on yes", async () => {
    const api = fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/templates": () => ({
        items: [{ id: "default:thank-you-meeting", name: "Thanks after a meeting", hidden: false }],
      }),
      "GET /api/contacts/c1/draft": (r) =>
        r.query.get("templateId")
          ? draftOf("default:thank-you-meeting", "Thank you, Rosa")
          : draftOf(null, "Coffee soon?"),
      "POST /api/messages/sent": () => ({ interactionId: "i1" }),
    });
    const { user } = renderPage(<ContactDraftSection contact={rosa} />);
    await user.click(screen.getByRole("button", { name: "Draft a message to Rosa Diaz" }));
    expect(await screen.findByText("Coffee soon?")).toBeTruthy();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Template" }), "Thanks after a meeting");
    expect(await screen.findByText("Thank you, Rosa")).toBeTruthy();
    expect(api.sent("GET", "/api/contacts/c1/draft").at(-1)?.query.get("templateId")).toBe("default:thank-you-meeting");

    await user.click(screen.getByRole("button", { name: "Copy the draft for Rosa Diaz" }));
    await user.click(await screen.findByRole("button", { name: "Yes, log it" }));
    await waitFor(() => expect(api.sent("POST", "/api/messages/sent")).toHaveLength(1));
    expect(api.sent("POST", "/api/messages/sent")[0]?.body).toEqual({
      contactId: "c1",
      channel: "email",
      subject: "Thank you, Rosa",
      body: "Hi Rosa,\n\nThank you, Rosa",
      // The template the draft came from, for the reply rate by template.
      templateId: "default:thank-you-meeting",
    });
    expect(await screen.findByText("Logged as sent to Rosa Diaz.")).toBeTruthy();
  });
});
