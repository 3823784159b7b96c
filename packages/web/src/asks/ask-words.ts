import type { Ask } from "./ask-types.ts";

/** What an ask is about, in words: "Acme Robotics", "a role: product designer", "a person: the CTO at Fabrikam". */
export function askAbout(about: Ask["about"]): string {
  if (about.kind === "company") return about.companyName ?? about.text;
  if (about.kind === "role") return `a role: ${about.text}`;
  if (about.kind === "person") return `a person: ${about.text}`;
  return about.text;
}
