import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { contactOf } from "../testing/contact.ts";
import { ContactAvatar } from "./contact-avatar.tsx";

describe("ContactAvatar", () => {
  it("shows the contact's photo from the photo route, its version in the address", () => {
    const contact = contactOf({ id: "c1", firstName: "Rosa", photoUpdatedAt: "2026-11-02T09:00:00.000Z" });
    const { container } = render(<ContactAvatar contact={contact} size="large" />);
    const img = container.querySelector("img");
    expect(img?.getAttribute("src")).toBe("/api/contacts/c1/photo?v=2026-11-02T09%3A00%3A00.000Z");
    // Decorative: the name is written beside it.
    expect(img?.getAttribute("alt")).toBe("");
    expect(img?.className).toBe("avatar avatar-large avatar-photo");
  });

  it("shows the initials when there is no photo", () => {
    const contact = contactOf({ id: "c2", firstName: "Rosa", lastName: "Diaz" });
    const { container } = render(<ContactAvatar contact={contact} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toBe("RD");
  });
});
