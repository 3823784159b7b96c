import cluster from "node:cluster";
import { loadConfig, openRuntime } from "@kith/runtime";
import { runPrimary } from "./cluster.ts";
import { startServer } from "./start.ts";

async function main() {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  const { open, deps } = await openRuntime(config);
  // The heavy jobs run in a thread on their own connection to this same database (a file or PostgreSQL).
  const { app } = await startServer({ config, open, deps });
  const close = async () => {
    await app.close(); // stops the background jobs too
    await open.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  if (config.clockFile) app.log.warn(`test clock: "now" is read from ${config.clockFile} while it exists`);
  app.log.info(`Kith is ready: open ${config.publicUrl} (API docs at ${config.publicUrl}/api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
