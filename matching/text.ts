/**
 * Chinese-aware text pipeline: normalise, segment CJK runs with Intl.Segmenter and add character
 * bigrams (the segmenter splits domain terms: 新|材料, 工程|师), keep Latin tokens such as c++, c#,
 * node.js, and hash terms to 32-bit ids so a pair compares integers, not strings.
 */

/** Generic recruiting words that match everything and rank nothing. */
const STOPWORDS = new Set(
  (
    "负责 相关 以上 经验 优先 岗位 职责 要求 工作 能力 良好 具有 熟悉 掌握 了解 具备 公司 进行 完成 学历 专业 " +
    "及以上 任职 描述 职位 团队 沟通 责任心 精神 协调 合作 我们 提供 福利 薪资 待遇 五险一金 以及 其他 能够 " +
    "一定 较强 强烈 积极 认真 主动 工作经验 相关专业 年以上 以上学历 资格 条件 人员 包括 根据 公司 企业 有限 " +
    "负责人 优秀 欢迎 加入 招聘 薪酬 面议 待遇 福利 双休 周末 上班 地点 时间 要求 任职要求 岗位职责 工作职责 " +
    "具备 熟练 使用 参与 组织 协助 日常 提升 相关工作 工作内容 职位描述 the and for with of to in a an"
  ).split(/\s+/),
);

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** An analysed text: unique terms with a weight each (segmenter words 1, bigrams 0.5). */
export interface Analyzed {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
}

/**
 * Normalises text for matching: NFKC (full-width to half-width), lower case, punctuation to spaces.
 * Keeps + # . which are part of skill names (C++, C#, Node.js).
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.]+/gu, " ")
    .trim();
}

const RUN = /\.?[\p{Script=Latin}0-9][\p{Script=Latin}0-9+#.]*|\p{Script=Han}+/gu;
const HAN = /^\p{Script=Han}/u;
const DIGITS = /^[0-9.]+$/;

function addTerm(terms: Map<string, number>, term: string, weight: number): void {
  if (STOPWORDS.has(term)) return;
  const had = terms.get(term);
  if (had === undefined || had < weight) terms.set(term, weight);
}

/**
 * Words of a CJK run plus the bigrams that repair the segmenter: inside words of 3+ characters
 * (研究生 → 研究) and across a boundary with a single-character segment (新|材料 → 新材, 工程|师 →
 * 程师). Bigrams across two whole words (财务|系统 → 务系) or through a stopword are noise.
 */
function addRun(terms: Map<string, number>, run: string): void {
  const words: string[] = [];
  for (const seg of segmenter.segment(run)) words.push(seg.segment);
  words.forEach((w, i) => {
    if (STOPWORDS.has(w)) return;
    if (w.length >= 2) addTerm(terms, w, 1);
    if (w.length >= 3) for (let k = 0; k + 1 < w.length; k++) addTerm(terms, w.slice(k, k + 2), 0.5);
    const next = words[i + 1];
    if (next === undefined || STOPWORDS.has(next) || (w.length >= 2 && next.length >= 2)) return;
    addTerm(terms, (w.at(-1) ?? "") + (next[0] ?? ""), 0.5);
  });
}

function analyzeUncached(text: string): Analyzed {
  const terms = new Map<string, number>();
  const norm = normalizeText(text);
  for (const match of norm.matchAll(RUN)) {
    const run = match[0];
    if (!HAN.test(run)) {
      const token = run.replace(/\.+$/, "");
      if (token !== "" && !DIGITS.test(token)) addTerm(terms, token, 1);
      continue;
    }
    if (run.length === 1) {
      addTerm(terms, run, 1);
      continue;
    }
    addRun(terms, run);
  }
  return { terms: [...terms.keys()], weights: [...terms.values()] };
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, Analyzed>();

/** Analyses a text into weighted terms. Short texts (skill tags) are memoised; the result is identical either way. */
export function analyze(text: string): Analyzed {
  if (text.length > 64) return analyzeUncached(text);
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const result = analyzeUncached(text);
  cache.set(text, result);
  return result;
}

/** Splits text into unique match terms: Latin tokens, CJK words and CJK bigrams, stopwords removed. */
export function tokenize(text: string): string[] {
  return [...analyze(text).terms];
}

/** 32-bit FNV-1a hash of a term: the term id used in features and index keys. */
export function termId(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sorted, de-duplicated term ids of a list of terms. */
export function termIds(terms: Iterable<string>): Uint32Array {
  const ids = new Set<number>();
  for (const t of terms) ids.add(termId(t));
  return Uint32Array.from(ids).sort();
}

/** True when the sorted array `ids` contains `id` (binary search). */
export function hasTerm(ids: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid] ?? 0;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
