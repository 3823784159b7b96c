export { type AppContext, buildApp } from "./app.ts";
export { type Config, loadConfig } from "./config.ts";
export { openRuntime, randomIds, randomSecrets, systemClock } from "./runtime.ts";
