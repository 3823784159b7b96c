import { describe, expect, it } from "vitest";
import { NameBook } from "../plan/relation-links.ts";
import { guessMapping } from "./csv-mapping.ts";
import { rowOfCells } from "./csv-rows.ts";
import { edgeOf } from "./relation-columns.ts";
import { draftOfCard } from "./vcard.ts";

const refs = (row: { relations?: { field: string; role: string; name: string; how: string }[] }) =>
  (row.relations ?? []).map((r) => [r.field, r.role, r.name, r.how]);

describe("relationship columns and properties", () => {
  it("reads role columns, several names a cell, and Google's Relation N - Label / Value pairs", () => {
    const headers = [
      "Name",
      "Referred by",
      "Husband",
      "Children",
      "Relation 1 - Label",
      "Relation 1 - Value",
      "Relation 2 - Type",
      "Relation 2 - Value",
    ];
    const mapping = guessMapping(headers, "google");
    expect(mapping).toMatchObject({
      "Referred by": "introducedBy",
      Husband: "partner",
      Children: "child",
      "Relation 1 - Label": "ignore",
      "Relation 1 - Value": "relation",
      "Relation 2 - Value": "relation",
    });
    const row = rowOfCells(headers, mapping, null, {
      line: 2,
      cells: [
        "Ana Lima",
        "Rosa Calder",
        "Leo Park",
        "Zoë 🌸; Noé, Ali ::: Sam",
        "Mother",
        "María José",
        "Neighbour",
        "Omar",
      ],
    });
    expect(refs(row)).toEqual([
      ["Referred by", "introducedBy", "Rosa Calder", "referred by"],
      ["Husband", "partner", "Leo Park", "husband"],
      ["Children", "child", "Zoë 🌸", ""],
      ["Children", "child", "Noé", ""],
      ["Children", "child", "Ali", ""],
      ["Children", "child", "Sam", ""],
      ["Relation 1 - Value", "parent", "María José", "mother"],
      ["Relation 2 - Value", "knows", "Omar", "neighbour"],
    ]);
  });

  it("reads vCard 4 RELATED (a name, not an address) and Apple's X-ABRELATEDNAMES with its label", () => {
    const card = [
      "BEGIN:VCARD",
      "VERSION:4.0",
      "FN:Ana Lima",
      "N:Lima;Ana;;;",
      "RELATED;TYPE=spouse;VALUE=text:Leo Park",
      "RELATED;TYPE=co-worker;VALUE=text:Kim Đặng",
      "RELATED;TYPE=friend:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af",
      "item1.X-ABRELATEDNAMES:Rosa Calder",
      "item1.X-ABLabel:_$!<Mother>!$_",
      "END:VCARD",
    ].join("\r\n");
    const row = draftOfCard({ line: 1, text: card }, null);
    expect(refs(row)).toEqual([
      ["RELATED", "partner", "Leo Park", "spouse"],
      ["RELATED", "colleague", "Kim Đặng", ""],
      ["X-ABRELATEDNAMES", "parent", "Rosa Calder", "mother"],
    ]);
    expect(row.warnings?.map((w) => w.field)).toEqual(["RELATED"]);
  });

  it("an edge reads 'from is to's kind': a parent named by a row is its from, a child its to", () => {
    expect(edgeOf("row", "named", { role: "parent", how: "" })).toMatchObject({
      fromContactId: "named",
      toContactId: "row",
      kind: "parent",
    });
    expect(edgeOf("row", "named", { role: "child", how: "" })).toMatchObject({
      fromContactId: "row",
      toContactId: "named",
      kind: "parent",
    });
    expect(edgeOf("row", "named", { role: "introducedBy", how: "" })).toMatchObject({
      fromContactId: "row",
      toContactId: "named",
      kind: "introduced-by",
    });
    expect(edgeOf("row", "named", { role: "grandchild", how: "" })).toMatchObject({
      fromContactId: "row",
      kind: "grandparent",
    });
  });

  it("finds a name exactly, then without case or accents; two people with it are never guessed between", () => {
    const book = new NameBook();
    book.add({ id: "a", displayName: "José Lima" });
    book.add({ id: "b", displayName: "jose lima" });
    book.add({ id: "c", displayName: "Zoë 🌸 Park" });
    book.add({ id: "d", displayName: "شيرين" });
    expect(book.find("José  Lima")).toEqual({ id: "a" });
    expect(book.find("JOSE LIMA")).toEqual({ ambiguous: ["José Lima", "jose lima"] });
    expect(book.find("zoe 🌸 park")).toEqual({ id: "c" });
    expect(book.find("شيرين")).toEqual({ id: "d" });
    expect(book.find("Nobody")).toBeNull();
    // A contact renamed is found by its new name only.
    book.add({ id: "c", displayName: "Zoë Park" });
    expect(book.find("Zoë 🌸 Park")).toBeNull();
    expect(book.find("zoe park")).toEqual({ id: "c" });
  });
});
