import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { SsoLinkPart } from "./sso-link-part.tsx";

const provider = { id: "oidc", name: "Authentik" };

describe("SsoLinkPart", () => {
  it("shows nothing when the server has no single sign-on", async () => {
    const api = fakeApi({ "GET /api/sso/link": () => ({ provider: null, linked: false }) });
    const { container } = renderPage(<SsoLinkPart />, "/settings");
    await waitFor(() => expect(api.sent("GET", "/api/sso/link")).toHaveLength(1));
    expect(container.textContent).toBe("");
  });

  it("offers to link the provider, and goes there", async () => {
    const api = fakeApi({
      "GET /api/sso/link": () => ({ provider, linked: false }),
      "POST /api/sso/link": () => ({ url: "https://auth.example.org/authorize?client_id=kith" }),
    });
    const { user } = renderPage(<SsoLinkPart />, "/settings");
    await user.click(await screen.findByRole("button", { name: "Link Authentik" }));
    await waitFor(() => expect(api.sent("POST", "/api/sso/link")).toHaveLength(1));
    expect(await screen.findByRole("button", { name: "Going to Authentik…" })).toBeTruthy();
  });

  it("says it is linked once it is", async () => {
    fakeApi({ "GET /api/sso/link": () => ({ provider, linked: true }) });
    renderPage(<SsoLinkPart />, "/settings?sso=linked");
    expect(await screen.findByText("Linked: you can sign in with Authentik now.")).toBeTruthy();
    expect(screen.getByText("Authentik signs you in to this account.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Link Authentik" })).toBeNull();
  });

  it("says in words why nothing was linked", async () => {
    fakeApi({ "GET /api/sso/link": () => ({ provider, linked: false }) });
    renderPage(<SsoLinkPart />, "/settings?error=email_does_not_match");
    expect((await screen.findByRole("alert")).textContent).toMatch(/with a different address than this account's/);
  });
});
