import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateOpenApi } from "./generate-openapi.ts";
import { OPENAPI_PATH } from "./write-openapi.ts";

describe("docs/openapi.json", () => {
  it("is what the routes describe today (run `npm run openapi` after changing a route)", async () => {
    const committed = readFileSync(OPENAPI_PATH, "utf8");
    expect(committed).toBe(await generateOpenApi());
  });

  it("documents the core operations with their schemas", async () => {
    const doc = JSON.parse(await generateOpenApi());
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/contacts", "/api/contacts/{id}", "/api/interactions", "/api/follow-ups/{id}/done"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const body = doc.paths["/api/contacts"].post.requestBody.content["application/json"].schema;
    // A first or a last name (a refine the schema cannot state): neither is required alone.
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["firstName", "lastName"]));
    expect(body.additionalProperties).toBe(false);
  });
});
