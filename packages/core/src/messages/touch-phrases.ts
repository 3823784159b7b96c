/**
 * What a thank-you can say of the last meeting, read from its summary — a note the member wrote to themselves
 * ("Coffee at Blue Bottle", "Lunch with Ana re: her move to Berlin", "Talked about the robotics meetup"):
 * - `outing`: what you did together, to follow "thank you for meeting me for" ("coffee at Blue Bottle");
 * - `topic`: what you talked about, to follow "our conversation about" ("your move to Berlin").
 * Either is empty when the summary does not read that way: a wrong guess reads worse than none, and the summary is
 * never quoted as it is.
 */
export interface TouchPhrases {
  outing: string;
  topic: string;
}

const MAX_PART = 100;
const OUTINGS = "coffee|lunch|dinner|drinks|breakfast|brunch|tea|a walk|a coffee|beers?";
const TALK =
  /^(?:we\s+)?(?:talked|spoke|chatted|talking|speaking|chatting|discussed)\s+(?:about\s+|on\s+|through\s+)?(.+)$/i;
const TALK_NOUN = /^(?:a\s+)?(?:talk|chat|conversation|discussion|call|catch-up|catch up)\s+(?:about|on|re:?)\s+(.+)$/i;
const OUTING = new RegExp(
  `^(${OUTINGS})(?:\\s+with\\s+[^,;:()]+?)?(?:\\s+(at|in|on)\\s+([^,;:()]+?))?(?:\\s*(?:[-–—:,;]|about|to talk about|re:?)\\s*(.+))?$`,
  "iu",
);

/** A part as it can sit mid-sentence: one line, no closing punctuation, bounded, with a letter in it. */
function part(raw: string | undefined): string {
  const text = (raw ?? "")
    .split(/[\r\n]|(?<=[.!?])\s/)[0]!
    .trim()
    .replace(/[.!?;:,\s]+$/u, "");
  if (text.length < 2 || text.length > MAX_PART || !/\p{L}/u.test(text)) return "";
  // A note speaks of the person ("her move"); the message speaks to them.
  return text.replace(/^(?:his|her|their)\s+/i, "your ");
}

export function touchPhrasesOf(summary: string): TouchPhrases {
  const first = summary.trim().split(/\r?\n/)[0]?.trim() ?? "";
  const outing = OUTING.exec(first);
  if (outing) {
    const what = outing[1]!.toLowerCase();
    const place = part(outing[3]);
    return { outing: place ? `${what} ${outing[2]!.toLowerCase()} ${place}` : what, topic: part(outing[4]) };
  }
  const talk = TALK.exec(first) ?? TALK_NOUN.exec(first);
  return { outing: "", topic: part(talk?.[1]) };
}
