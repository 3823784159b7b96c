import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ColumnMapping, ImportPreview } from "../api/types.ts";
import { fakeApi, type SentRequest } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import ImportsPage from "./imports-page.tsx";

const csv = "First Name,Last Name,Position\nRosa,Calder,Potter\nAlan,Turing,Mathematician\n";
const guessed: ColumnMapping = { "First Name": "firstName", "Last Name": "lastName", Position: "title" };

/** The server's preview: the rows as the mapping reads them. */
function previewOf(mapping: ColumnMapping): ImportPreview {
  const people = [
    ["Rosa", "Calder", "Potter"],
    ["Alan", "Turing", "Mathematician"],
  ] as const;
  return {
    format: "csv",
    encoding: "windows-1252",
    detectedEncoding: "windows-1252",
    headers: ["First Name", "Last Name", "Position"],
    mapping,
    totalRows: 2,
    counts: { create: 2, merge: 0, skip: 0, error: 0 },
    links: { created: 0, existing: 0, unresolved: 0 },
    rows: people.map(([firstName, lastName, position], i) => ({
      line: i + 2,
      action: "create" as const,
      reason: "new contact",
      draft: {
        firstName,
        lastName,
        emails: [],
        phones: [],
        links: [],
        companyName: "",
        title: mapping.Position === "title" ? position : "",
        tags: [],
        interests: [],
        howWeMet: "",
        notes: "",
        birthday: null,
        connectedOn: null,
      },
      match: null,
      issues: [],
      links: [],
    })),
    duplicates: [],
    errors: [],
  } as unknown as ImportPreview;
}

const api = () =>
  fakeApi({
    "GET /api/auth/me": () => ({
      user: { id: "u1", email: "ada@example.com", name: "Ada" },
      accountId: "a1",
      role: "owner",
    }),
    "GET /api/imports": () => ({ items: [] }),
    "POST /api/imports/preview": (request: SentRequest) =>
      previewOf((request.body as { mapping?: ColumnMapping }).mapping ?? guessed),
  });

describe("ImportsPage: the column mapping", () => {
  it("sends the file as itself first, then, once a column is changed, the whole mapping; the rows follow", async () => {
    const sent = api();
    const { user } = renderPage(<ImportsPage />, "/imports");

    const picker = await screen.findByLabelText("Choose a file");
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    await user.upload(picker, new File([csv], "people.csv", { type: "text/csv" }));

    const rows = await screen.findByRole("region", { name: "All 2 rows" });
    await waitFor(() => expect(within(rows).getByText("Potter")).toBeTruthy());
    const [first] = sent.sent("POST", "/api/imports/preview");
    expect(first).toMatchObject({ contentType: "text/csv", body: csv });
    expect(Object.fromEntries(first?.query ?? [])).toEqual({
      format: "auto",
      fileName: "people.csv",
      encoding: "auto",
    });

    const position = screen.getByRole("combobox", { name: "Column “Position”" });
    expect((position as HTMLSelectElement).value).toBe("title");
    // What drafts and article matches read can be picked for any column.
    for (const name of ["Interests", "How we met"]) expect(within(position).getByRole("option", { name })).toBeTruthy();
    await user.selectOptions(position, "ignore");

    await waitFor(() => expect(within(rows).queryByText("Potter")).toBeNull());
    const previews = sent.sent("POST", "/api/imports/preview");
    expect(previews).toHaveLength(2);
    expect(previews[1]?.query.toString()).toBe("");
    // With a mapping, the file goes inside JSON as its bytes in base64, read in the chosen encoding.
    expect(previews[1]?.body).toEqual({
      data: Buffer.from(csv).toString("base64"),
      fileName: "people.csv",
      format: "auto",
      encoding: "auto",
      mapping: { ...guessed, Position: "ignore" },
    });
    expect(screen.getByRole("button", { name: "Import 2 contacts" })).toBeTruthy();
    // Previewing writes nothing.
    expect(sent.sent("POST", "/api/imports")).toEqual([]);
  });
});

describe("ImportsPage: the text encoding", () => {
  it("shows the detected encoding, and previews again in the one chosen", async () => {
    const sent = api();
    const { user } = renderPage(<ImportsPage />, "/imports");
    const picker = await screen.findByLabelText("Choose a file");
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    await user.upload(picker, new File([csv], "people.csv", { type: "text/csv" }));
    const encoding = await screen.findByRole("combobox", { name: "Text encoding" });
    expect((encoding as HTMLSelectElement).value).toBe("auto");
    expect(screen.getByText(/Detected: Western European \(Windows-1252, Latin-1\)\./)).toBeTruthy();
    await user.selectOptions(encoding, "utf-16le");
    await waitFor(() => expect(sent.sent("POST", "/api/imports/preview")).toHaveLength(2));
    const [, again] = sent.sent("POST", "/api/imports/preview");
    expect(again?.query.get("encoding")).toBe("utf-16le");
    expect(again?.contentType).toBe("text/csv");
  });
});

describe("ImportsPage: a row's choice", () => {
  /** Rosa looks like a contact already there (same name and company); Alan is new. */
  function lookalikePreview(overrides: { line: number; action: string }[] = []): ImportPreview {
    const preview = previewOf(guessed);
    const merge = overrides.some((o) => o.line === 2 && o.action === "merge");
    const [rosa, alan] = preview.rows;
    const match = { contactId: "c-rosa", displayName: "Rosa Calder", by: "name-and-company" as const };
    return {
      ...preview,
      counts: merge ? { create: 1, merge: 1, skip: 0, error: 0 } : preview.counts,
      rows: [
        merge
          ? {
              ...rosa!,
              action: "merge",
              reason: "merged into Rosa Calder, as you chose",
              match,
              contactId: "c-rosa",
              contactName: "Rosa Calder",
            }
          : {
              ...rosa!,
              reason: "new contact; Rosa Calder has the same name and company: listed as a possible duplicate",
              match,
            },
        {
          ...alan!,
          issues: [{ line: 3, field: "email", message: '"not-an-email" dropped: not an email address' }],
        },
      ],
    } as ImportPreview;
  }

  it("switches a row to merge: the preview is asked again with the choice, and the import sends it", async () => {
    const sent = fakeApi({
      "GET /api/auth/me": () => ({
        user: { id: "u1", email: "ada@example.com", name: "Ada" },
        accountId: "a1",
        role: "owner",
      }),
      "GET /api/imports": () => ({ items: [] }),
      "POST /api/imports/preview": (request: SentRequest) =>
        lookalikePreview((request.body as { overrides?: { line: number; action: string }[] }).overrides ?? []),
      "POST /api/imports": () => ({ id: "j1", status: "queued" }),
    });
    const { user } = renderPage(<ImportsPage />, "/imports");
    const picker = await screen.findByLabelText("Choose a file");
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    await user.upload(picker, new File([csv], "people.csv", { type: "text/csv" }));

    const rows = await screen.findByRole("region", { name: "All 2 rows" });
    // Every row says what will happen and why; a dropped value is shown with the row.
    expect(within(rows).getByText(/Rosa Calder has the same name and company/)).toBeTruthy();
    expect(within(rows).getByText(/"not-an-email" dropped/)).toBeTruthy();
    // A row with nobody to merge into offers create and skip only.
    const alan = within(rows).getByRole("combobox", { name: "Line 3" }) as HTMLSelectElement;
    expect([...alan.options].map((o) => o.value)).toEqual(["", "create", "skip"]);

    await user.selectOptions(within(rows).getByRole("combobox", { name: "Line 2" }), "merge");
    await waitFor(() => expect(within(rows).getByText("merged into Rosa Calder, as you chose")).toBeTruthy());
    const previews = sent.sent("POST", "/api/imports/preview");
    expect(previews.at(-1)?.body).toEqual({
      data: Buffer.from(csv).toString("base64"),
      fileName: "people.csv",
      format: "auto",
      encoding: "auto",
      overrides: [{ line: 2, action: "merge" }],
    });
    expect(screen.getByRole("list", { name: "What the import would do" }).textContent).toMatch(
      /1 new contact.*1 already in Kith/,
    );

    await user.click(screen.getByRole("button", { name: "Import 2 contacts" }));
    await waitFor(() => expect(sent.sent("POST", "/api/imports")).toHaveLength(1));
    expect(sent.sent("POST", "/api/imports")[0]?.body).toMatchObject({ overrides: [{ line: 2, action: "merge" }] });
  });
});

describe("ImportsPage: the names a row gives", () => {
  /** Rosa was introduced by Ana Lima (found) and names a spouse nobody has; Alan names two Ana Limas' colleague. */
  function linkedPreview(): ImportPreview {
    const preview = previewOf(guessed);
    const [rosa, alan] = preview.rows;
    return {
      ...preview,
      links: { created: 1, existing: 1, unresolved: 2 },
      rows: [
        {
          ...rosa!,
          links: [
            {
              field: "Introduced by",
              name: "ana lima",
              role: "introduced by",
              status: "link",
              contactId: "c-ana",
              contactName: "Ana Lima",
            },
            {
              field: "Spouse",
              name: "Zoë Ibáñez 🌿",
              role: "spouse",
              status: "not-found",
              contactId: null,
              contactName: null,
            },
          ],
          issues: [{ line: 2, field: "Spouse", message: '"Zoë Ibáñez 🌿" not linked: no contact has that name' }],
        },
        {
          ...alan!,
          links: [
            { field: "Mother", name: "Leo", role: "mother", status: "linked", contactId: "c-leo", contactName: "Leo" },
            {
              field: "Colleague of",
              name: "Sam Roe",
              role: "colleague",
              status: "ambiguous",
              contactId: null,
              contactName: null,
            },
          ],
        },
      ],
    } as ImportPreview;
  }

  it("draws each row's links with what becomes of them, and the totals", async () => {
    fakeApi({
      "GET /api/auth/me": () => ({
        user: { id: "u1", email: "ada@example.com", name: "Ada" },
        accountId: "a1",
        role: "owner",
      }),
      "GET /api/imports": () => ({ items: [] }),
      "POST /api/imports/preview": () => linkedPreview(),
    });
    const { user } = renderPage(<ImportsPage />, "/imports");
    const picker = await screen.findByLabelText("Choose a file");
    await waitFor(() => expect((picker as HTMLInputElement).disabled).toBe(false));
    await user.upload(picker, new File([csv], "people.csv", { type: "text/csv" }));

    const rows = await screen.findByRole("region", { name: "All 2 rows" });
    const texts = within(rows)
      .getAllByRole("list", { name: "Relationships" })
      .map((list) => [...list.querySelectorAll("li")].map((li) => li.textContent));
    expect(texts).toEqual([
      [
        "Introduced by → Ana Lima — will be linked",
        "Spouse → Zoë Ibáñez 🌿 — not found: no contact or row has that name",
      ],
      ["Mother → Leo — already linked", "Colleague → Sam Roe — not linked: several contacts have that name"],
    ]);
    // The unresolved name is said once, by the link, not again as a dropped value.
    expect(within(rows).queryByText(/not linked: no contact has that name/)).toBeNull();
    expect(screen.getByRole("list", { name: "Relationships the import would make" }).textContent).toBe(
      "1 new relationship1 already linked2 names not linked",
    );
    // "With a dropped field" leaves out a row whose only warning is a name not linked.
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "warnings");
    expect(await screen.findByText("No rows here.")).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Show" }), "links");
    expect(within(rows).getAllByRole("list", { name: "Relationships" })).toHaveLength(2);
  });
});
