import type { Body, Answer as Ok } from "@kith/api";

/** An ask and what it takes, read from the generated API types (docs/openapi.json). */
export type Ask = Ok<"/api/asks/{id}", "get">;
export type AskInput = Body<"/api/asks", "post">;
export type AskAboutKind = AskInput["about"]["kind"];
export type AskNameInput = Body<"/api/asks/{id}/names", "post">;
export type AskStatus = Ask["status"];
/** A move on the board; with "met", `log` records the meeting with the names in the same act. */
export type AskMove = Body<"/api/asks/{id}/status", "post">;
