export { type AppContext, buildApp } from "./app.ts";
export { type Config, loadConfig } from "./config.ts";
export { openDelivery } from "./delivery/delivery-deps.ts";
export { openRuntime, randomIds, randomSecrets, systemClock } from "./runtime.ts";
