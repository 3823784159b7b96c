import type { Answer as Ok } from "@kith/api";

/**
 * A draft as the API sends it (core/src/messages `draftSchema`): a subject with no line break, never empty, and a
 * plain-text body.
 */
export type Draft = Ok<"/api/contacts/{id}/draft", "get">;
