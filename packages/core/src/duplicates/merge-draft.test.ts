import { describe, expect, it } from "vitest";
import { newContact } from "../contacts/new-contact.ts";
import type { CreateContactInput } from "../contacts/schemas.ts";
import { emptyDraft } from "../imports/plan/contact-draft.ts";
import { connectedOnNote } from "../imports/read/linkedin.ts";
import { mergeDraftInto } from "./merge-draft.ts";

const NOW = "2026-11-02T09:00:00.000Z";
const rosa = (over: Partial<CreateContactInput> = {}) =>
  newContact("c1", { firstName: "Rosa", lastName: "Calder", ...over }, NOW);
const row = (over: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(), firstName: "Rosa", ...over });

describe("what an import row adds to a contact already there: interests and how you met", () => {
  it("adds the interests the contact lacks, without case or accents, and says it added them", () => {
    const contact = rosa({ interests: ["Cycling", "café culture"] });
    const draft = row({ interests: ["cyclíng", "CAFE CULTURE", "climate", "hiking 🥾"] });
    const { next, added } = mergeDraftInto(contact, draft, null, "US");
    expect(next.interests).toEqual(["Cycling", "café culture", "climate", "hiking 🥾"]);
    expect(added).toEqual(["interests"]);
    // The same interests again add nothing: the row would be skipped.
    expect(mergeDraftInto(next, draft, null, "US").added).toEqual([]);
  });

  it("keeps at most 50 interests, the contact's own first", () => {
    const own = Array.from({ length: 48 }, (_, i) => `own ${i}`);
    const { next } = mergeDraftInto(rosa({ interests: own }), row({ interests: ["a", "b", "c", "d"] }), null, null);
    expect(next.interests).toEqual([...own, "a", "b"]);
  });

  it("fills an empty how-we-met, never one the user wrote; LinkedIn's connected-on line gives way to the file's words", () => {
    const draft = row({ howWeMet: "At the Lisbon design meetup" });
    const empty = mergeDraftInto(rosa(), draft, null, null);
    expect(empty.next.howWeMet).toBe("At the Lisbon design meetup");
    expect(empty.added).toEqual(["howWeMet"]);

    const typed = mergeDraftInto(rosa({ howWeMet: "Ana introduced us" }), draft, null, null);
    expect(typed.next.howWeMet).toBe("Ana introduced us");
    expect(typed.added).toEqual([]);

    const linkedIn = mergeDraftInto(rosa({ howWeMet: connectedOnNote("2024-03-12") }), draft, null, null);
    expect(linkedIn.next.howWeMet).toBe("At the Lisbon design meetup");
    expect(linkedIn.added).toEqual(["howWeMet"]);

    // A row without one leaves it as it is.
    const none = mergeDraftInto(rosa({ howWeMet: connectedOnNote("2024-03-12") }), row({}), null, null);
    expect(none.next.howWeMet).toBe(connectedOnNote("2024-03-12"));
  });
});
