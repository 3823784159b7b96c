// House rules that no linter knows, run by `npm run lint` (so by `npm test` and CI):
// - no file of the project reaches outside the repository for its inputs: a user's clone has nothing beside it, so a
//   test that reads `../shared/...` passes on a developer's machine and fails on theirs.
// - every package declares what it imports: a production file's bare imports are in its package.json
//   `dependencies`; a test's, a test helper's (`testing/`) or a build file's may also be in `devDependencies` (the
//   package's, or the root's shared test tooling: vitest, fast-check, @types/node…). A type-only import may be
//   declared as its `@types/` package.
// - core's ban list (biome.json, noRestrictedImports for packages/core/src) names every Node builtin of this Node.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\0")
  .filter((f) => f && !f.endsWith("package-lock.json"));

const problems = [];
const outside = /((?:\.\.\/)+)shared\b/g;
for (const file of files) {
  let text;
  try {
    text = readFileSync(path.join(root, file), "utf8");
  } catch {
    continue; // deleted in the work tree
  }
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    for (const match of line.matchAll(outside)) {
      const target = path.resolve(root, path.dirname(file), match[0]);
      if (!target.startsWith(root + path.sep)) {
        problems.push(`${file}:${i + 1}: refers to ${match[0]} outside the repository (copy what it needs inside)`);
      }
    }
  });
}

const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), "utf8"));
const rootDev = Object.keys(readJson("package.json").devDependencies ?? {});
const builtins = new Set(builtinModules.flatMap((m) => [m, m.split("/")[0]]));
const packageOf = (specifier) => {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
};
const typesOf = (name) => `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
// import … from "x", export … from "x", import "x", import("x"), require("x"); `import type` is told apart.
const importRe =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?["']([^"'\s]+)["']|(?:import|require)\(\s*["']([^"'\s]+)["']\s*\)/g;
const isSupport = (file) =>
  /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(file) ||
  /(^|\/)testing\//.test(file) ||
  /^packages\/[^/]+\/(build\/|[^/]+\.config\.[cm]?[jt]s$)/.test(file);
let imports = 0;
for (const dir of [...new Set(files.filter((f) => /^packages\/[^/]+\/package\.json$/.test(f)))]) {
  const pkgDir = path.dirname(dir);
  const pkg = readJson(dir);
  const prod = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {})]);
  const dev = new Set([...prod, ...Object.keys(pkg.devDependencies ?? {}), ...rootDev]);
  for (const file of files) {
    if (!file.startsWith(`${pkgDir}/`) || !/\.[cm]?[jt]sx?$/.test(file) || file.endsWith(".d.ts")) continue;
    let text;
    try {
      text = readFileSync(path.join(root, file), "utf8");
    } catch {
      continue;
    }
    const declared = isSupport(file) ? dev : prod;
    for (const match of text.matchAll(importRe)) {
      const specifier = match[2] ?? match[3];
      if (!specifier || /^[./]/.test(specifier) || specifier.startsWith("node:") || specifier.includes(":")) continue;
      const name = packageOf(specifier);
      if (builtins.has(name)) continue;
      imports += 1;
      if (declared.has(name) || (match[1] && declared.has(typesOf(name)))) continue;
      const where = isSupport(file) ? "dependencies or devDependencies" : "dependencies";
      const line = text.slice(0, match.index + match[0].indexOf(specifier)).split("\n").length;
      problems.push(`${file}:${line}: imports ${name}, which ${pkgDir}/package.json does not declare in ${where}`);
    }
  }
}

const biome = readJson("biome.json");
const banned = biome.overrides?.find((o) => o.includes?.[0] === "packages/core/src/**")?.linter?.rules?.style
  ?.noRestrictedImports?.options?.paths;
for (const m of builtinModules.filter((b) => !b.startsWith("_"))) {
  for (const name of [`node:${m}`, m]) {
    if (!banned?.[name]) problems.push(`biome.json: core's noRestrictedImports does not name the Node builtin ${name}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `check-house: ${files.length} files, nothing reaches outside the repository; ${imports} package imports declared; core bans every Node builtin`,
);
