/**
 * The reference data the matcher needs, built once from the parsed taxonomy arrays the caller
 * loads (data/taxonomy/*.json). The core never reads files itself.
 */
import { analyze, normalizeText, termId } from "./text.ts";

export interface IndustryRow {
  code: string;
  name?: string;
  section: string;
}
export interface OccupationRow {
  code: string;
  name: string;
  aliases?: readonly string[];
}
export interface CityRow {
  code: string;
  name: string;
  /** Province code. */
  parent: string;
}
export interface ProvinceRow {
  code: string;
  name: string;
}

/** Taxonomy lookups used by feature preparation. Immutable once built. */
export interface Lexicon {
  /** Industry code (division or deeper) → section letter. */
  readonly industrySection: ReadonlyMap<string, string>;
  /** Occupation code → name and aliases, for alias expansion. */
  readonly occupationTerms: ReadonlyMap<string, readonly string[]>;
  /** Normalised occupation name or alias → occupation codes. */
  readonly occupationByPhrase: ReadonlyMap<string, readonly string[]>;
  /** Longest phrase length in `occupationByPhrase`, bounding the substring scan. */
  readonly maxPhraseLength: number;
  /**
   * Term id → weight multiplier below 1 for terms common across occupation names and aliases
   * (工程, 人员, 管理): an inverse document frequency learnt from the taxonomy itself.
   */
  readonly termWeight: ReadonlyMap<number, number>;
  /** City code → province code. */
  readonly cityProvince: ReadonlyMap<string, string>;
  /** City or province name (with and without 市/省 suffix) → code. */
  readonly placeByName: ReadonlyMap<string, string>;
}

export interface LexiconInput {
  industries?: readonly IndustryRow[];
  occupations?: readonly OccupationRow[];
  cities?: readonly CityRow[];
  provinces?: readonly ProvinceRow[];
}

/** Shortest phrase inferred from inside a longer text: two characters (客服) only count as the whole text. */
const MIN_PHRASE = 3;

/** Builds a Lexicon from parsed taxonomy arrays; any part may be omitted (tests use tiny fixtures). */
export function buildLexicon(input: LexiconInput): Lexicon {
  const industrySection = new Map<string, string>();
  for (const r of input.industries ?? []) if (/^\d/.test(r.code)) industrySection.set(r.code, r.section);

  const occupationTerms = new Map<string, string[]>();
  const occupationByPhrase = new Map<string, string[]>();
  let maxPhraseLength = 0;
  for (const r of input.occupations ?? []) {
    const phrases = [r.name, ...(r.aliases ?? [])];
    occupationTerms.set(r.code, phrases);
    // Only leaf occupations (4 parts) are inferred from text; their parents follow from the code.
    if (r.code.split("-").length !== 4) continue;
    for (const p of phrases) {
      for (const part of p.split("/")) {
        const key = normalizeText(part).replace(/\s+/g, "");
        if (key.length < 2) continue;
        const codes = occupationByPhrase.get(key) ?? [];
        if (!codes.includes(r.code)) codes.push(r.code);
        occupationByPhrase.set(key, codes);
        maxPhraseLength = Math.max(maxPhraseLength, key.length);
      }
    }
  }

  const termWeight = idfWeights(input.occupations ?? []);
  const cityProvince = new Map<string, string>();
  const placeByName = new Map<string, string>();
  const addName = (name: string, code: string): void => {
    if (!placeByName.has(name)) placeByName.set(name, code);
    const short = name.replace(/(市|省|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$/, "");
    if (short.length >= 2 && !placeByName.has(short)) placeByName.set(short, code);
  };
  for (const p of input.provinces ?? []) addName(p.name, p.code);
  for (const c of input.cities ?? []) {
    cityProvince.set(c.code, c.parent);
    if (c.name !== "市辖区" && c.name !== "县") addName(c.name, c.code);
  }
  return { industrySection, occupationTerms, occupationByPhrase, maxPhraseLength, termWeight, cityProvince, placeByName };
}

/** Terms in at most this many taxonomy phrases keep full weight. */
const IDF_FULL_DF = 15;
const IDF_MIN = 0.15;

function idfWeights(occupations: readonly OccupationRow[]): Map<number, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const r of occupations) {
    for (const phrase of [r.name, ...(r.aliases ?? [])]) {
      n++;
      for (const t of analyze(phrase).terms) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const out = new Map<number, number>();
  const top = Math.log(n / IDF_FULL_DF);
  for (const [t, d] of df) {
    if (d <= IDF_FULL_DF) continue;
    out.set(termId(t), Math.max(IDF_MIN, Math.log(n / d) / top));
  }
  return out;
}

/** Resolves a city given as a GB/T 2260 code (4 or 6 digits) or a name (深圳, 深圳市) to its 4-digit city code. */
export function resolveCity(lexicon: Lexicon, cityOrName: string): string | undefined {
  const s = cityOrName.trim();
  if (/^\d{4}(\d{2})?$/.test(s)) return s.slice(0, 4);
  const code = lexicon.placeByName.get(s) ?? lexicon.placeByName.get(s.split(/[-·\s]/)[0] ?? "");
  // A province-level municipality resolves to its 01 district list (北京 → 1101).
  if (code !== undefined && code.length === 2) return `${code}01`;
  return code;
}

/** Province code of a city code, from the lexicon or, failing that, the GB/T 2260 prefix. */
export function provinceOf(lexicon: Lexicon, city: string): string {
  return lexicon.cityProvince.get(city.slice(0, 4)) ?? city.slice(0, 2);
}

/** Occupation codes whose name or alias appears in the text (longest phrases; substring scan). */
export function inferOccupations(lexicon: Lexicon, text: string): string[] {
  const norm = normalizeText(text).replace(/\s+/g, "");
  const exact = lexicon.occupationByPhrase.get(norm);
  if (exact !== undefined) return [...exact].sort();
  const found = new Set<string>();
  const max = Math.min(lexicon.maxPhraseLength, norm.length);
  for (let len = max; len >= MIN_PHRASE; len--) {
    for (let i = 0; i + len <= norm.length; i++) {
      const codes = lexicon.occupationByPhrase.get(norm.slice(i, i + len));
      if (codes !== undefined) for (const c of codes) found.add(c);
    }
    // Prefer the longest phrases: 嵌入式软件工程师 should not also pull in every 工程师.
    if (found.size > 0) break;
  }
  return [...found].sort();
}

/** Terms of an occupation's name and aliases, for expanding a profile's vocabulary. */
export function occupationExpansion(lexicon: Lexicon, code: string): string[] {
  const phrases = lexicon.occupationTerms.get(code);
  if (phrases === undefined) return [];
  const out: string[] = [];
  for (const p of phrases) out.push(...analyze(p).terms);
  return out;
}
