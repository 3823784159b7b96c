/**
 * The personal line a campaign greeting opens with, pre-filled from the last touch's summary: "Talked about the
 * robotics meetup" → "I still think about our talk about the robotics meetup." Only summaries that read as a
 * topic fit; anything else (an invoice sent, a bare "call") gives an empty line for the member to write, because a
 * wrong guess reads worse than none.
 */
export interface LastTouchForLine {
  kind: string;
  summary: string;
}

const MAX_TOPIC = 120;

const PATTERNS: readonly { match: RegExp; line: (topic: string) => string }[] = [
  {
    match: /^(?:we\s+)?(?:talked|spoke|chatted|talking|speaking|chatting)\s+(?:about|on|through)\s+(.+)$/i,
    line: (t) => `I still think about our talk about ${t}.`,
  },
  { match: /^(?:we\s+)?discussed\s+(.+)$/i, line: (t) => `I still think about our talk about ${t}.` },
  {
    match: /^(?:a\s+)?(?:talk|chat|conversation|discussion)\s+(?:about|on)\s+(.+)$/i,
    line: (t) => `I still think about our talk about ${t}.`,
  },
  {
    match: /^(?:we\s+)?met\s+(?:up\s+)?(?:at|during)\s+(.+)$/i,
    line: (t) => `It was so good to see you at ${t}.`,
  },
  {
    match: /^(?:coffee|lunch|dinner|drinks|breakfast)\s+(?:about|to talk about|re:?)\s+(.+)$/i,
    line: (t) => `I still think about our talk about ${t}.`,
  },
];

/** The topic as it can sit mid-sentence: one line, no closing punctuation, not too long, something to say. */
function cleanTopic(raw: string): string | null {
  const topic = raw
    .split(/[\r\n]|(?<=[.!?])\s/)[0]!
    .trim()
    .replace(/[.!?;:,\s]+$/u, "");
  if (topic.length < 3 || topic.length > MAX_TOPIC) return null;
  if (!/\p{L}/u.test(topic)) return null;
  // A note is written about the person ("Talked about her new studio"); the line is written to them.
  return topic.replace(/^(?:his|her|their)\s+/i, "your ");
}

export function personalLineFrom(lastTouch: LastTouchForLine | null): string {
  if (!lastTouch) return "";
  const first = lastTouch.summary.trim().split(/\r?\n/)[0]?.trim() ?? "";
  if (!first) return "";
  for (const { match, line } of PATTERNS) {
    const m = match.exec(first);
    const topic = m?.[1] ? cleanTopic(m[1]) : null;
    if (topic) return line(topic);
  }
  return "";
}
