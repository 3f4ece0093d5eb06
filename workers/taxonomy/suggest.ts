/**
 * Near misses for a name nothing matched: an inverted index of character bigrams, so finding
 * suggestions reads a few posting lists instead of scanning every entry.
 */
import type { CodeName } from "./types.ts";

const MAX_SUGGESTIONS = 5;
/** Dice similarity below this is noise, not a suggestion. */
const MIN_SCORE = 0.3;

function grams(key: string): Set<string> {
  const out = new Set<string>();
  if (key.length === 1) out.add(key);
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return out;
}

export interface SuggestIndex {
  /** Up to five entries (that `accept` lets through) whose phrases share most bigrams with `key`, best first, ties by order. */
  suggest(key: string, accept?: (code: string) => boolean): CodeName[];
}

/** Indexes `phrases[i]` (normalized keys: name and aliases) of `entries[i]`. */
export function buildSuggestIndex(entries: readonly CodeName[], phrases: readonly (readonly string[])[]): SuggestIndex {
  const owners: { entry: number; size: number }[] = [];
  const postings = new Map<string, number[]>();
  phrases.forEach((keys, entry) => {
    for (const key of keys) {
      const g = grams(key);
      const id = owners.push({ entry, size: g.size }) - 1;
      for (const gram of g) {
        const list = postings.get(gram);
        if (list) list.push(id);
        else postings.set(gram, [id]);
      }
    }
  });
  return {
    suggest(key, accept) {
      const g = grams(key);
      const shared = new Map<number, number>();
      for (const gram of g) for (const id of postings.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      const best = new Map<number, number>();
      for (const [id, count] of shared) {
        const owner = owners[id];
        if (!owner) continue;
        if (accept && !accept(entries[owner.entry]?.code ?? "")) continue;
        const score = (2 * count) / (g.size + owner.size);
        if (score >= MIN_SCORE && score > (best.get(owner.entry) ?? 0)) best.set(owner.entry, score);
      }
      return [...best]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, MAX_SUGGESTIONS)
        .flatMap(([entry]) => {
          const e = entries[entry];
          return e ? [{ code: e.code, name: e.name }] : [];
        });
    },
  };
}
