import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";

/**
 * Emits sw.js from a hand-written template with the build's file list baked in, so the shell is cached at install
 * and the cache name changes with every build. Nothing is downloaded at build time (unlike workbox-based plugins).
 */
export function serviceWorker(templatePath: string): Plugin {
  return {
    name: "kith-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => !name.endsWith(".map") && name !== "sw.js")
        .map((name) => `/${name}`);
      const precache = ["/", ...files.filter((f) => f !== "/index.html")].sort();
      const version = createHash("sha256").update(precache.join("\n")).digest("hex").slice(0, 12);
      const source = readFileSync(templatePath, "utf8")
        .replace("self.__KITH_PRECACHE__", JSON.stringify(precache))
        .replace("self.__KITH_VERSION__", JSON.stringify(version));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}
