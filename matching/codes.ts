/**
 * Hierarchical codes as fixed-stride paths of hashed prefixes, so comparing two codes is a few
 * integer compares: industries section › division › group › class (C › 26 › 261 › 2614),
 * occupations major › middle › minor › occupation (2 › 2-02 › 2-02-09 › 2-02-09-04).
 */
import type { Lexicon } from "./lexicon.ts";
import { termId } from "./text.ts";

export const PATH_STRIDE = 4;

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

/** Packs prefix lists into a flat Uint32Array with stride 4 (0 = level absent). */
export function packPaths(paths: readonly (readonly string[])[]): Uint32Array {
  const out = new Uint32Array(paths.length * PATH_STRIDE);
  paths.forEach((p, i) => {
    for (let l = 0; l < Math.min(p.length, PATH_STRIDE); l++) {
      const prefix = p[l] ?? "";
      out[i * PATH_STRIDE + l] = prefix === "" ? 0 : termId(prefix) || 1;
    }
  });
  return out;
}

/**
 * Best similarity between any path of `a` and any path of `b`, given the value of a match at
 * common depth 1–4. A code that is an ancestor of the other matches fully: a demand asking for
 * division 26 is met by a talent in class 2614.
 */
export function pathSimilarity(a: Uint32Array, b: Uint32Array, byDepth: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < a.length; i += PATH_STRIDE) {
    for (let j = 0; j < b.length; j += PATH_STRIDE) {
      let common = 0;
      let depthA = 0;
      let depthB = 0;
      let diverged = false;
      for (let l = 0; l < PATH_STRIDE; l++) {
        const x = a[i + l] ?? 0;
        const y = b[j + l] ?? 0;
        if (x !== 0) depthA = l + 1;
        if (y !== 0) depthB = l + 1;
        if (!diverged && x !== 0 && x === y) common = l + 1;
        else if (x !== 0 || y !== 0) diverged = true;
      }
      const v = common > 0 && common === Math.min(depthA, depthB) ? 1 : (byDepth[common] ?? 0);
      if (v > best) best = v;
    }
  }
  return best;
}
