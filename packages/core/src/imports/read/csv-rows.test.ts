import { describe, expect, it } from "vitest";
import { guessField } from "./csv-mapping.ts";
import { parseImportFile } from "./parse-import.ts";

const read = (content: string) => parseImportFile({ content }, "US");

describe("interests and how you met from a CSV's columns", () => {
  it("guesses the columns by their headers; 'Met through' stays a relationship column", () => {
    for (const header of ["Interests", "interest", "Hobbies", "Hobby", "Topics"]) {
      expect(guessField(header, "csv"), header).toBe("interests");
    }
    for (const header of ["How we met", "How Met", "Where we met", "Met at", "how_we_met"]) {
      expect(guessField(header, "csv"), header).toBe("howWeMet");
    }
    // Outlook's and Google's legacy "Hobby" column; a person named in "Met through" is linked, not a story.
    expect(guessField("Hobby", "outlook")).toBe("interests");
    expect(guessField("Met through", "csv")).toBe("introducedBy");
    // Headers about something else keep what they were.
    expect(guessField("Interest Type", "csv")).toBe("ignore");
    expect(guessField("Tags", "csv")).toBe("tags");
  });

  it("splits interests on ; ' ::: ' and commas (as the web's form does), keeps accents and emoji, once each without case or accents", () => {
    const file = read(
      [
        "Name,Interests,Hobbies",
        'Rosa Calder,climate; cycling,"hiking 🥾 ::: 🎨 art"',
        'Zoë Brontë,"Cycling; cycling ;  Cyclíng ::: CYCLING;; café  culture","food, wine and travel"',
      ].join("\n"),
    );
    expect(file.mapping).toMatchObject({ Interests: "interests", Hobbies: "interests" });
    const [rosa, zoe] = file.rows;
    expect(rosa?.draft.interests).toEqual(["climate", "cycling", "hiking 🥾", "🎨 art"]);
    expect(zoe?.draft.interests).toEqual(["Cycling", "café culture", "food", "wine and travel"]);
    expect(file.rows.flatMap((r) => r.issues)).toEqual([]);
  });

  it("reads how you met from its columns, joined with '; ', the same words once", () => {
    const file = read(
      [
        "First Name,Last Name,How we met,Where we met,Met at",
        "Ana,Lima,Through the climbing gym,Lisbon,Through the climbing gym",
        "Ben,Okafor,,,PyCon 2019",
      ].join("\n"),
    );
    const [ana, ben] = file.rows;
    expect(ana?.draft.howWeMet).toBe("Through the climbing gym; Lisbon");
    expect(ben?.draft.howWeMet).toBe("PyCon 2019");
  });
});
