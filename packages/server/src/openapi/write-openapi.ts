import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateOpenApi } from "./generate-openapi.ts";

/** `npm run openapi` rewrites docs/openapi.json; a test fails while the committed file is stale. */
export const OPENAPI_PATH = fileURLToPath(new URL("../../../../docs/openapi.json", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, await generateOpenApi());
  console.log(`wrote ${OPENAPI_PATH}`);
}
