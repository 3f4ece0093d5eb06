/**
 * Hierarchical codes packed into one small integer each (7 bits per level), so comparing two
 * codes is a few shifts and no memory access beyond the profile itself: industries section › division › group › class (C › 26 › 261 › 2614),
 * occupations major › middle › minor › occupation (2 › 2-02 › 2-02-09 › 2-02-09-04).
 */
import type { Lexicon } from "./lexicon.ts";

/** Prefixes of an industry code from the section down, e.g. 2614 → [C, 26, 261, 2614]. */
export function industryPrefixes(lexicon: Lexicon, code: string): string[] {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]$/.test(c)) return [c];
  if (!/^\d{2,4}$/.test(c)) return [];
  const section = lexicon.industrySection.get(c.slice(0, 2));
  const out = section === undefined ? [] : [section];
  for (let len = 2; len <= c.length; len++) out.push(c.slice(0, len));
  // Without a known section, keep the fixed stride: the division sits at index 1.
  return section === undefined ? ["", ...out] : out;
}

/** Prefixes of an occupation code, e.g. 2-02-09-04 → [2, 2-02, 2-02-09, 2-02-09-04]. */
export function occupationPrefixes(code: string): string[] {
  const parts = code.trim().split("-");
  if (parts.length > 4 || parts.some((p) => !/^\d{1,2}$/.test(p))) return [];
  return parts.map((_, i) => parts.slice(0, i + 1).join("-"));
}

/** Bits per level in a packed code: 4 levels × 7 bits stay a small integer (a V8 Smi). */
const BITS = 7;
const MASK = (1 << BITS) - 1;

/** Packs up to four level values (each 1–127; 0 = level absent) into one small integer. */
function pack(levels: readonly number[]): number {
  let v = 0;
  for (let l = 0; l < 4; l++) v = (v << BITS) | Math.min(MASK, Math.max(0, levels[l] ?? 0));
  return v;
}

/** An industry code as one integer: section letter, division, group digit, class digit. 0 if invalid. */
export function packIndustry(lexicon: Lexicon, code: string): number {
  const p = industryPrefixes(lexicon, code);
  if (p.length === 0) return 0;
  const section = p[0] ?? "";
  const levels = [section === "" ? 0 : section.charCodeAt(0) - 64];
  const digits = p.at(-1) ?? "";
  if (/^\d+$/.test(digits)) {
    levels.push(Number(digits.slice(0, 2)) + 1);
    if (digits.length >= 3) levels.push(Number(digits[2]) + 1);
    if (digits.length >= 4) levels.push(Number(digits[3]) + 1);
  }
  return pack(levels);
}

/** An occupation code (2-02-09-04) as one integer. 0 if invalid. */
export function packOccupation(code: string): number {
  const p = occupationPrefixes(code);
  if (p.length === 0) return 0;
  return pack((p.at(-1) ?? "").split("-").map((x) => Number(x) + 1));
}

/**
 * Similarity of two packed codes given the value of a match at common depth 1–3. A code that is
 * an ancestor of the other matches fully: a demand asking for division 26 is met by class 2614.
 * An unknown top level (a section the lexicon did not know) is treated as matching.
 */
export function codeSimilarity(a: number, b: number, byDepth: readonly number[]): number {
  if (a === 0 || b === 0) return 0;
  let common = 0;
  let depthA = 0;
  let depthB = 0;
  let diverged = false;
  let unknownTop = false;
  for (let l = 0; l < 4; l++) {
    const shift = (3 - l) * BITS;
    const x = (a >>> shift) & MASK;
    const y = (b >>> shift) & MASK;
    if (x !== 0) depthA = l + 1;
    if (y !== 0) depthB = l + 1;
    if (diverged) continue;
    if (x !== 0 && x === y) common = l + 1;
    else if (l === 0 && (x === 0 || y === 0)) {
      common = 1;
      unknownTop = true;
    }
    else diverged = true;
  }
  if (common > 0 && common >= Math.min(depthA, depthB)) return 1;
  // Sharing only a top level nobody knew is no evidence at all.
  return common === 1 && unknownTop ? 0 : (byDepth[common] ?? 0);
}

/** Best similarity between any code of `a` and any code of `b`. */
export function bestSimilarity(a: readonly number[], b: readonly number[], byDepth: readonly number[]): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      const v = codeSimilarity(x, y, byDepth);
      if (v > best) best = v;
    }
  }
  return best;
}
