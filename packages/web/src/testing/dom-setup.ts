// Set up before each web component test file (vitest.config.ts, project "dom"), so before it imports the app.
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { installFakeFetch } from "./fake-api.ts";

// The API client keeps the `fetch` it found when first imported: it must find the fake's.
installFakeFetch();
afterEach(() => cleanup());
