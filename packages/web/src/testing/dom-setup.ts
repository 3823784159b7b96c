// Set up before each web component test file (vitest.config.ts, project "dom"), so before it imports the app.
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { installFakeFetch } from "./fake-api.ts";

// The API client keeps the `fetch` it found when first imported: it must find the fake's.
installFakeFetch();
// findBy… and waitFor wait up to 5 s: on a loaded 2-core machine (the whole suite beside the other tests) the first
// render of a lazily loaded dialog took over the default second.
configure({ asyncUtilTimeout: 5_000 });
afterEach(() => cleanup());
