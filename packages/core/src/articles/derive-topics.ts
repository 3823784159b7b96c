import { ARTICLE_TOPICS_MAX } from "./schemas.ts";
import { isTopicWord, mentions, phraseOf, wordsOf } from "./topic-words.ts";

export interface TopicSource {
  title: string | null;
  description: string | null;
  keywords: readonly string[];
  text: string;
}

/** Weights: a word of the title or the description counts as several in the text; meta keywords more. */
const TITLE_WEIGHT = 4;
const DESCRIPTION_WEIGHT = 2;
const KEYWORD_WEIGHT = 6;
/** An account interest or tag the article mentions outranks anything counted. */
const VOCABULARY_WEIGHT = 1000;

/** The article's words as one normalized string padded with spaces, for whole-word `mentions`. */
export const haystackOf = (source: TopicSource): string =>
  ` ${wordsOf([source.title, source.description, source.keywords.join(" "), source.text].join(" ")).join(" ")} `;

function addCounts(scores: Map<string, number>, words: readonly string[], weight: number) {
  for (const [i, word] of words.entries()) {
    if (!isTopicWord(word)) continue;
    scores.set(word, (scores.get(word) ?? 0) + weight);
    const next = words[i + 1];
    // Two topic words side by side make a phrase ("climate change", "machine learning").
    if (next && isTopicWord(next)) {
      const phrase = `${word} ${next}`;
      scores.set(phrase, (scores.get(phrase) ?? 0) + weight * 1.5);
    }
  }
}

/**
 * What an article is about, strongest first: the account's own interests and tags that it mentions (`vocabulary`),
 * its meta keywords, then words and two-word phrases weighted by how often they occur (more in the title and the
 * description), English stop words, numbers and short words left out. A phrase seen once only is dropped (chance
 * neighbours), and so is a word already inside a stronger phrase.
 */
export function deriveTopics(source: TopicSource, vocabulary: readonly string[] = []): string[] {
  const scores = new Map<string, number>();
  addCounts(scores, wordsOf(source.text), 1);
  addCounts(scores, wordsOf(source.title ?? ""), TITLE_WEIGHT);
  addCounts(scores, wordsOf(source.description ?? ""), DESCRIPTION_WEIGHT);
  for (const [phrase, score] of scores) {
    if (phrase.includes(" ") && score < 3) scores.delete(phrase);
  }
  for (const keyword of source.keywords) {
    const phrase = phraseOf(keyword);
    if (phrase.split(" ").some(isTopicWord)) scores.set(phrase, (scores.get(phrase) ?? 0) + KEYWORD_WEIGHT);
  }
  const haystack = haystackOf(source);
  for (const term of vocabulary) {
    const phrase = phraseOf(term);
    if (phrase && mentions(haystack, phrase)) scores.set(phrase, (scores.get(phrase) ?? 0) + VOCABULARY_WEIGHT);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const topics: string[] = [];
  for (const [phrase, score] of ranked) {
    if (topics.length >= ARTICLE_TOPICS_MAX) break;
    const inside = topics.some((t) => t.includes(" ") && t.split(" ").includes(phrase));
    if (!inside || score >= VOCABULARY_WEIGHT) topics.push(phrase);
  }
  return topics;
}
