import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Contact } from "../api/types.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { fitWithin, PhotoField } from "./photo-field.tsx";

/** Rosa as a server with photos answers: `photoUpdatedAt` null until she has one. */
const rosa = (photoUpdatedAt: string | null) =>
  ({ ...contactOf({ id: "c1", firstName: "Rosa", lastName: "Diaz" }), photoUpdatedAt }) as Contact;

const jpeg = { contentType: "image/jpeg" as const, data: "/9j/4AAQSkZJRg==" };
const file = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "rosa.png", { type: "image/png" });

describe("fitWithin", () => {
  it("keeps the proportions within 512×512 and never enlarges", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 512, height: 384 });
    expect(fitWithin(1000, 2000)).toEqual({ width: 256, height: 512 });
    expect(fitWithin(300, 200)).toEqual({ width: 300, height: 200 });
    expect(fitWithin(5000, 1)).toEqual({ width: 512, height: 1 });
  });
});

describe("PhotoField", () => {
  it("sends the chosen file made small, as base64 JPEG", async () => {
    const api = fakeApi({ "PUT /api/contacts/c1/photo": () => rosa("2026-03-04T09:30:00.000Z") });
    const resize = vi.fn(async () => jpeg);
    const { user } = renderPage(<PhotoField contact={rosa(null)} canEdit resize={resize} />);
    expect(screen.queryByRole("img")).toBeNull();

    await user.upload(screen.getByLabelText("Add photo"), file());

    await waitFor(() => expect(api.sent("PUT", "/api/contacts/c1/photo").map((r) => r.body)).toEqual([jpeg]));
    expect(resize).toHaveBeenCalledWith(expect.objectContaining({ name: "rosa.png" }));
  });

  it("shows the photo by an address that changes with it, and removes it", async () => {
    const api = fakeApi({ "DELETE /api/contacts/c1/photo": () => rosa(null) });
    const { user } = renderPage(<PhotoField contact={rosa("2026-03-04T09:30:00.000Z")} canEdit />);
    const img = screen.getByRole("img", { name: "Rosa Diaz" }) as HTMLImageElement;
    expect(img.getAttribute("src")).toBe("/api/contacts/c1/photo?v=2026-03-04T09%3A30%3A00.000Z");
    expect(screen.getByLabelText("Change photo")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Remove photo" }));
    await waitFor(() => expect(api.sent("DELETE", "/api/contacts/c1/photo")).toHaveLength(1));
  });

  it("says why a photo was refused, by the server or by the browser", async () => {
    fakeApi({
      "PUT /api/contacts/c1/photo": () =>
        reply(400, { title: "Bad Request", errors: [{ path: "data", message: "the image is larger than 512 KiB" }] }),
    });
    const { user } = renderPage(<PhotoField contact={rosa(null)} canEdit resize={async () => jpeg} />);
    await user.upload(screen.getByLabelText("Add photo"), file());
    expect((await screen.findByRole("alert")).textContent).toBe("the image is larger than 512 KiB");
  });

  it("says when the file is no image it can read, and sends nothing", async () => {
    const api = fakeApi({});
    const { user } = renderPage(
      <PhotoField
        contact={rosa(null)}
        canEdit
        resize={async () => {
          throw new Error("This file is not an image the browser can read. Try a JPEG or PNG photo.");
        }}
      />,
    );
    await user.upload(screen.getByLabelText("Add photo"), file());
    expect((await screen.findByRole("alert")).textContent).toMatch(/not an image/);
    expect(api.sent("PUT", "/api/contacts/c1/photo")).toEqual([]);
  });

  it("lets a viewer see the photo but not change it", () => {
    fakeApi({});
    renderPage(<PhotoField contact={rosa("2026-03-04T09:30:00.000Z")} canEdit={false} />);
    expect(screen.getByRole("img", { name: "Rosa Diaz" })).toBeTruthy();
    expect(screen.queryByLabelText("Change photo")).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove photo" })).toBeNull();
  });

  it("draws only the buttons where the page already shows the photo", () => {
    fakeApi({});
    renderPage(<PhotoField contact={rosa("2026-03-04T09:30:00.000Z")} canEdit showPhoto={false} />);
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByLabelText("Change photo")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Remove photo" })).toBeTruthy();
  });
});
