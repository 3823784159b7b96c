/**
 * A draft as the API sends it (contract of issue #12: core/src/messages `draftSchema`): a subject with no line
 * break, never empty, and a plain-text body.
 */
export interface Draft {
  templateId: string | null;
  templateName: string;
  channel: "email" | "message" | "any";
  subject: string;
  body: string;
}
