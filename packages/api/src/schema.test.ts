import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// The web's client and the CLI's HTTP client and KithClient interface read this file.
describe("the typed API client of the web and the CLI", () => {
  it("is generated from the committed docs/openapi.json (run `npm run api-types -w @kith/api` after `npm run openapi`)", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "kith-api-types-")), "schema.d.ts");
    const bin = path.join(root, "node_modules/.bin/openapi-typescript");
    execFileSync(bin, [path.join(root, "docs/openapi.json"), "-o", out], { stdio: "pipe" });
    const committed = readFileSync(path.join(root, "packages/api/src/schema.d.ts"), "utf8");
    expect(committed).toBe(readFileSync(out, "utf8"));
  });
});
