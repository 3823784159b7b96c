import type { Body, Answer as Ok } from "@kith/api";

/** A template as the API lists it: `default:<name>` ids for Kith's defaults, `customized` and `hidden` marked. */
export type Template = Ok<"/api/templates", "get">["items"][number];
/** The reasons a template fits (the today list's template slots and the moments a member writes by themselves). */
export type TemplateSlot = Template["slots"][number];

export type TemplateInput = Required<Body<"/api/templates", "post">>;
