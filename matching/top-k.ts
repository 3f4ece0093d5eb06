/** Top-K selection with a bounded min-heap: O(n log k) time, O(k) memory, ties broken by id. */
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import { rankScoreAbove } from "./score.ts";
import type { Weights } from "./weights.ts";

/** One ranked entry. */
export interface Ranked<C> {
  id: string;
  score: number;
  item: C;
}

/** True when a ranks strictly worse than b: lower score, or equal score and larger id. */
function worse(sa: number, ida: string, sb: number, idb: string): boolean {
  return sa < sb || (sa === sb && ida > idb);
}

/**
 * The k best candidates by `score(query, candidate, floor)`, best first, ties by ascending id.
 * Candidates scoring below 0 (vetoed) are dropped. `floor` is the score of the worst entry once
 * the heap is full (else 0): a scorer may return -1 for anything it can prove scores below it.
 */
export function topK<Q, C extends { readonly id: string }>(
  query: Q,
  candidates: Iterable<C>,
  k: number,
  score: (query: Q, candidate: C, floor: number) => number,
): Ranked<C>[] {
  const heap: Ranked<C>[] = [];
  if (k <= 0) return heap;
  for (const c of candidates) {
    const s = score(query, c, heap.length < k ? 0 : (heap[0]?.score ?? 0));
    if (s < 0) continue;
    if (heap.length < k) {
      heap.push({ id: c.id, score: s, item: c });
      siftUp(heap, heap.length - 1);
    } else {
      const root = heap[0];
      if (root !== undefined && worse(root.score, root.id, s, c.id)) {
        heap[0] = { id: c.id, score: s, item: c };
        siftDown(heap, 0);
      }
    }
  }
  return heap.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function siftUp<C>(h: Ranked<C>[], i: number): void {
  let j = i;
  while (j > 0) {
    const p = (j - 1) >> 1;
    const a = h[j];
    const b = h[p];
    if (a === undefined || b === undefined || !worse(a.score, a.id, b.score, b.id)) return;
    h[j] = b;
    h[p] = a;
    j = p;
  }
}

function siftDown<C>(h: Ranked<C>[], i: number): void {
  let j = i;
  for (;;) {
    let m = j;
    for (const c of [2 * j + 1, 2 * j + 2]) {
      const hc = h[c];
      const hm = h[m];
      if (hc !== undefined && hm !== undefined && worse(hc.score, hc.id, hm.score, hm.id)) m = c;
    }
    const a = h[j];
    const b = h[m];
    if (m === j || a === undefined || b === undefined) return;
    h[j] = b;
    h[m] = a;
    j = m;
  }
}

/** The k best talents for a demand or project (ranking score only; explain the winners with scoreOffer). */
export function topTalents(
  offer: OfferFeatures,
  talents: Iterable<TalentFeatures>,
  k: number,
  weights: Weights,
  now: number,
): Ranked<TalentFeatures>[] {
  return topK(offer, talents, k, (o, t, floor) => rankScoreAbove(t, o, weights, now, floor));
}

/** The k best demands and projects for a talent. */
export function topOffers(
  talent: TalentFeatures,
  offers: Iterable<OfferFeatures>,
  k: number,
  weights: Weights,
  now: number,
): Ranked<OfferFeatures>[] {
  return topK(talent, offers, k, (t, o, floor) => rankScoreAbove(t, o, weights, now, floor));
}
