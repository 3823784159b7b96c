import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = fileURLToPath(new URL("../packages/web/dist/", import.meta.url));

/** P6: the JavaScript a first visit downloads (scripts and module preloads in index.html), gzip, in KB. */
export function firstLoadJsKb(): number | null {
  const index = path.join(dist, "index.html");
  if (!existsSync(index)) return null;
  const html = readFileSync(index, "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(path.join(dist, s))).length, 0);
  return bytes / 1024;
}
