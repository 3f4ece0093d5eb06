import { normalizeText } from "./text.ts";

/**
 * Keyword search terms, context-free so that a query finds every text containing it: the matching
 * core's normalisation (NFKC, lower case, punctuation out; `c++`, `node.js` kept whole), Latin
 * and digit tokens as in matching, and for Chinese the character bigrams of each run (the word
 * segmenter splits a run differently in a longer sentence, bigrams do not: 煤化工 → 煤化, 化工).
 * A one-character run is its own term; `unigrams` adds every character of a run, for short fields
 * such as names, so that 李 finds 李明.
 */
export function searchTerms(text: string, options: { unigrams?: boolean } = {}): string[] {
  const terms = new Set<string>();
  for (const match of normalizeText(text).matchAll(/\.?[\p{Script=Latin}0-9][\p{Script=Latin}0-9+#.]*|\p{Script=Han}+/gu)) {
    const run = match[0];
    if (!/^\p{Script=Han}/u.test(run)) {
      const token = run.replace(/^\.+|\.+$/g, "");
      if (token !== "") terms.add(token);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1 || options.unigrams) for (const ch of chars) terms.add(ch);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(`${chars[i] ?? ""}${chars[i + 1] ?? ""}`);
  }
  return [...terms];
}

/** The terms a query must all match: one-character Chinese runs stay single characters. */
export function queryTerms(query: string): string[] {
  return searchTerms(query);
}
