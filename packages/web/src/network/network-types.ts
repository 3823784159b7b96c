import type { Body, ItemOf, Answer as Ok } from "@kith/api";

/** The network's shapes, read from the generated API types (docs/openapi.json): a change there is a compile error here. */
export type ContactRelationship = ItemOf<"/api/contacts/{id}/relationships", "get">;
export type RelationshipInput = Body<"/api/relationships", "post">;
export type RelationshipPatch = Body<"/api/relationships/{id}", "patch">;
export type RelationshipKind = RelationshipInput["kind"];
export type Neighbourhood = Ok<"/api/network/neighbourhood", "get">;
export type PathsAnswer = Ok<"/api/network/paths", "get">;
export type NetworkPath = PathsAnswer["paths"][number];
export type WhoDoYouKnow = Ok<"/api/companies/{id}/who-do-you-know", "get">;
/** "contact:<id>" or "company:<id>": what the neighbourhood is drawn around and what a path leads to. */
export type NetworkTarget = `contact:${string}` | `company:${string}`;
