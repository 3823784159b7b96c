import { screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { CompanyPicker } from "./company-picker.tsx";

const companies = {
  "GET /api/companies": () => ({
    items: [
      { id: "co1", name: "Acme Studio" },
      { id: "co2", name: "Nova Labs" },
    ],
    nextCursor: null,
  }),
};

/** The picker in a form that keeps the chosen id, shown for the test to read. */
function Host() {
  const [companyId, setCompanyId] = useState("co1");
  return (
    <>
      <CompanyPicker companyId={companyId} onChange={setCompanyId} />
      <output aria-label="chosen">{companyId}</output>
    </>
  );
}

const leave = async (user: ReturnType<typeof renderPage>["user"]) => {
  await user.keyboard("{Escape}");
  await user.tab();
};

describe("CompanyPicker", () => {
  it("shows the company that is set again when a name is typed but not chosen", async () => {
    fakeApi(companies);
    const { user } = renderPage(<Host />);
    const box = (await screen.findByDisplayValue("Acme Studio")) as HTMLInputElement;
    await user.click(box);
    await user.keyboard("{End} Ltd");
    await leave(user);
    expect(box.value).toBe("Acme Studio");
    expect(screen.getByLabelText("chosen").textContent).toBe("co1");
  });

  it("takes a company whose whole name was typed, whatever the case", async () => {
    fakeApi(companies);
    const { user } = renderPage(<Host />);
    const box = (await screen.findByDisplayValue("Acme Studio")) as HTMLInputElement;
    await user.clear(box);
    await user.type(box, "nova labs");
    await leave(user);
    await waitFor(() => expect(screen.getByLabelText("chosen").textContent).toBe("co2"));
    expect(box.value).toBe("Nova Labs");
  });

  it("an emptied box is no company", async () => {
    fakeApi(companies);
    const { user } = renderPage(<Host />);
    const box = (await screen.findByDisplayValue("Acme Studio")) as HTMLInputElement;
    await user.clear(box);
    await leave(user);
    expect(box.value).toBe("");
    expect(screen.getByLabelText("chosen").textContent).toBe("");
  });
});
