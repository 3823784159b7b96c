#!/usr/bin/env node
// Runs the TypeScript entry through tsx, with the caller's arguments and exit code.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const result = spawnSync(process.execPath, ["--import", "tsx", main, ...process.argv.slice(2)], { stdio: "inherit" });
process.exitCode = result.status ?? 1;
