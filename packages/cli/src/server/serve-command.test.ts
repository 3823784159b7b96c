import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("the CLI and the HTTP server", () => {
  it("meet only in `kith serve`, which loads @kith/server/start on demand; the CLI's package does not depend on it", () => {
    const reaching = (readdirSync(path.join(CLI, "src"), { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts") && path.basename(file) !== "serve-command.test.ts")
      .flatMap((file) =>
        [
          ...readFileSync(path.join(CLI, "src", file), "utf8").matchAll(/(?:from|import\()\s*"(@kith\/server[^"]*)"/g),
        ].map((m) => `${file.split(path.sep).join("/")}: ${m[0]}`),
      );
    expect(reaching).toEqual(['server/serve-command.ts: import("@kith/server/start"']);
    const pkg = JSON.parse(readFileSync(path.join(CLI, "package.json"), "utf8"));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty("@kith/server");
  });
});
