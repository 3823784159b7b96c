import { defaultTemplateById } from "./default-templates.ts";
import type { MessageTemplateRepository } from "./message-template-port.ts";

/** What a sent message keeps of the template its draft came from (migration 0037). */
export interface SentTemplate {
  templateId: string;
  /** The template's name when the message went out; null when the id names no template (deleted since). */
  templateName: string | null;
}

/**
 * The template a message was sent from, with its current name: the account's copy of a default (it may have been
 * renamed) or Kith's own default, or an own template. An id that names nothing is kept without a name rather than
 * refused: the message has gone out, and a template deleted between drafting and sending must not stop its log.
 */
export async function sentTemplateOf(
  templates: Pick<MessageTemplateRepository, "findById">,
  accountId: string,
  templateId: string | undefined,
): Promise<SentTemplate | null> {
  if (templateId === undefined) return null;
  const stored = await templates.findById(accountId, templateId);
  const name = stored?.name ?? defaultTemplateById(templateId)?.name ?? null;
  return { templateId, templateName: name };
}
