// House rules that no linter knows, run by `npm run lint` (so by `npm test` and CI):
// - no file of the project reaches outside the repository for its inputs: a user's clone has nothing beside it, so a
//   test that reads `../shared/...` passes on a developer's machine and fails on theirs.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`check-house: ${files.length} files, nothing reaches outside the repository`);
