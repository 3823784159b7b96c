import EmailReplyParser from "email-reply-parser";

/** A closing line ("Thanks,", "Best regards") and what follows it are a sign-off, not an instruction. */
const SIGN_OFF =
  /^(?:thanks?|thank you|thanks a lot|many thanks|thx|cheers|best|all the best|best wishes|regards|kind regards|best regards|warm regards|warmly|sincerely|yours|love|ta|br|merci|danke|gruß|grüße|saludos)(?:[,.!]+(?:\s+\S+){0,3})?$/i;
/** How far from the end a sign-off may start (a closing, a name, a title). */
const SIGN_OFF_LINES = 4;

/**
 * What the sender wrote in a reply, without the quoted digest, the "On … wrote:" line, or the signature. The
 * library (email-reply-parser) knows the quote headers of the common mail clients in several languages, `>`
 * quotes and `-- ` signatures; a short closing at the very end ("Thanks,\nAda") is cut here as well.
 */
export function replyBodyOf(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const visible = new EmailReplyParser().read(normalized).getVisibleText();
  const lines = visible
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => !line.startsWith(">"));
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === "") lines.pop();
  const from = Math.max(0, lines.length - SIGN_OFF_LINES);
  for (let i = from; i < lines.length; i++) {
    if (i > 0 && SIGN_OFF.test(lines[i]?.trim() ?? "")) {
      lines.length = i;
      break;
    }
  }
  return lines.join("\n").trim();
}
