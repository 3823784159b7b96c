import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import type { Template } from "./template-types.ts";
import TemplatesPage from "./templates-page.tsx";

const checkIn: Template = {
  id: "default:check-in",
  name: "Check-in",
  channel: "any",
  slots: ["check-in"],
  subject: "How are things{% if contact.firstName %}, {{ contact.firstName }}{% endif %}?",
  body: "Hi {{ contact.firstName }},\n\nYou came to mind today.",
  isDefault: true,
  customized: false,
  hidden: false,
  updatedAt: null,
};
const mine: Template = {
  ...checkIn,
  id: "tpl_1",
  name: "Coffee",
  isDefault: false,
  slots: [],
  body: "Coffee, {{ contact.firstName }}?",
};

const routes = (role = "owner") => ({
  "GET /api/auth/me": () => ({ role }),
  "GET /api/templates": () => ({ items: [mine, checkIn] }),
  "GET /api/contacts": () => ({ items: [], nextCursor: null, total: 0 }),
  "POST /api/templates/preview": (r: { body: unknown }) => {
    const body = (r.body as { body: string }).body;
    if (body.includes("{% if"))
      return reply(400, {
        title: "Bad Request",
        errors: [{ path: "body", message: "cannot be rendered: line:1, col:1 unclosed tag" }],
      });
    return {
      templateId: null,
      templateName: "Preview",
      channel: "any",
      subject: "How are things, Ana?",
      body: body.replace("{{ contact.firstName }}", "Ana"),
    };
  },
});

describe("TemplatesPage", () => {
  it("lists own templates and Kith's defaults with the placeholders explained", async () => {
    fakeApi(routes());
    renderPage(<TemplatesPage />);
    const yours = within(await screen.findByRole("region", { name: "Yours" }));
    expect(yours.getByRole("button", { name: /Coffee/ })).toBeTruthy();
    const defaults = within(screen.getByRole("region", { name: "Kith's defaults" }));
    expect(defaults.getByRole("button", { name: /Check-in/ }).textContent).toContain(
      "Any (e-mail or message) · Check-in",
    );
    expect(screen.getByText("{{ me.update }}")).toBeTruthy();
    expect(screen.getByText(/Settings → Your update/)).toBeTruthy();
  });

  it("edits a default with a live preview, shows a broken template's error at its field, and saves", async () => {
    const api = fakeApi({
      ...routes(),
      "PATCH /api/templates/default%3Acheck-in": (r) => ({ ...checkIn, ...(r.body as object), customized: true }),
    });
    const { user } = renderPage(<TemplatesPage />);
    await user.click(await screen.findByRole("button", { name: /Check-in/ }));
    // The editor's heading takes focus (on a phone the editor is far below the list).
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Check-in" }));
    expect(await screen.findByText("Hi Ana,\n\nYou came to mind today.", { normalizer: (s) => s })).toBeTruthy();

    const body = screen.getByRole("textbox", { name: "Message" });
    await user.click(body);
    await user.paste(" {% if x ");
    expect(await screen.findByText(/cannot be rendered: line:1/, {}, { timeout: 3000 })).toBeTruthy();
    await user.clear(body);
    await user.paste("Hi {{ contact.firstName }}, coffee soon?");
    await waitFor(() => expect(screen.getByText("Hi Ana, coffee soon?")).toBeTruthy(), { timeout: 3000 });
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.sent("PATCH", "/api/templates/default%3Acheck-in")).toHaveLength(1));
    expect(api.sent("PATCH", "/api/templates/default%3Acheck-in")[0]?.body).toMatchObject({
      name: "Check-in",
      body: "Hi {{ contact.firstName }}, coffee soon?",
    });
  });

  it("adds a template, naming a refused field under it", async () => {
    const api = fakeApi({
      ...routes(),
      "POST /api/templates": () =>
        reply(400, {
          title: "Bad Request",
          errors: [{ path: "subject", message: "cannot be rendered: line:1 bad tag" }],
        }),
    });
    const { user } = renderPage(<TemplatesPage />);
    await user.click(await screen.findByRole("button", { name: "Add a template" }));
    await user.type(await screen.findByRole("textbox", { name: /Name/ }), "Thanks");
    await user.click(await screen.findByRole("checkbox", { name: "Thank-you after a meeting" }));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.sent("POST", "/api/templates")).toHaveLength(1));
    expect(api.sent("POST", "/api/templates")[0]?.body).toMatchObject({
      name: "Thanks",
      slots: ["thank-you-meeting"],
      channel: "any",
    });
    expect(await screen.findByText("cannot be rendered: line:1 bad tag")).toBeTruthy();
  });

  it("restores an edited default and deletes an own template", async () => {
    const api = fakeApi({
      ...routes(),
      "GET /api/templates": () => ({ items: [mine, { ...checkIn, customized: true }] }),
      "POST /api/templates/default%3Acheck-in/restore": () => checkIn,
      "DELETE /api/templates/tpl_1": () => reply(204, undefined),
    });
    const { user } = renderPage(<TemplatesPage />);
    await user.click(await screen.findByRole("button", { name: /Check-in/ }));
    await user.click(await screen.findByRole("button", { name: "Restore Kith's text" }));
    await waitFor(() => expect(api.sent("POST", "/api/templates/default%3Acheck-in/restore")).toHaveLength(1));
    await user.click(screen.getByRole("button", { name: /Coffee/ }));
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    await waitFor(() => expect(api.sent("DELETE", "/api/templates/tpl_1")).toHaveLength(1));
  });

  it("lets a viewer read and preview but not change", async () => {
    fakeApi(routes("viewer"));
    const { user } = renderPage(<TemplatesPage />);
    await user.click(await screen.findByRole("button", { name: /Check-in/ }));
    expect(await screen.findByRole("textbox", { name: "Message" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add a template" })).toBeNull();
  });
});
