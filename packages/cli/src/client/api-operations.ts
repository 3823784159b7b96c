/**
 * The API's operations as types, read from the one file `openapi-typescript` generates from docs/openapi.json
 * (`npm run api-types -w @kith/web`; the web's `schema.test.ts` fails when it is stale). The CLI shares the web's
 * generated file and its helpers rather than keeping a second 4,000-line copy: the import is type-only, so nothing
 * of the web is loaded.
 */
export type { Answer, Body, ItemOf, paths, Query } from "../../../web/src/api/operations.ts";
