/**
 * Job-board titles as occupations: "Java开发工程师", "化工工艺工程师（4000+奖金+双休）", "高级会计
 * 【双休】". The title is cleaned (brackets, salary and perk text, seniority words), then looked up
 * by name and alias with the usual job suffix (工程师, 专员, 主管…) on either side optional, then
 * by the longest name or alias it contains.
 */
import type { Taxonomy } from "./build.ts";
import { decide } from "./decide.ts";
import { normalizeKey } from "./normalize.ts";
import type { OccupationLevel, Resolution, TaxonomyNode } from "./types.ts";

type Node = TaxonomyNode<OccupationLevel>;

/** Bracketed asides, closed or left open at the end: （4000+奖金+双休）, 【急聘】, (J10093), [五险一金. */
const BRACKETED = /[（(【[［〔〖<《「『][^）)】\]］〕〗>》」』]*(?:[）)】\]］〕〗>》」』]|$)/gu;
/** Words of salary, perks and urgency, never of the job itself. */
const PERK =
  /^(?:\d+(?:\.\d+)?[kKwW万千元]?(?:[-~至到]\d+(?:\.\d+)?[kKwW万千元]?)?(?:\/?月|\/?年|起|以上|\+)?|.*(?:双休|单休|五险|一金|奖金|提成|底薪|年薪|月薪|高薪|包吃|包住|包食宿|餐补|房补|补贴|急聘|急招|诚聘|直招|转正|周末|年终|社保|带薪|不加班|可兼职).*)$/u;
const SENIORITY = /^(?:高级|资深|中级|初级|助理|首席|实习|储备|见习|主任)(?=.{2,})/u;
const SUFFIXES = ["工程师", "技术员", "专员", "主管", "经理", "助理", "专家", "总监", "人员", "师", "员"];
/** A contained phrase shorter than this is too weak to name the job (销售 in 销售代表 is two characters and fine; 工 is not). */
const MIN_CONTAINED = 2;
const MAX_TITLE = 40;

function stem(key: string): string {
  for (const s of SUFFIXES) if (key.endsWith(s) && key.length - s.length >= 2) return key.slice(0, -s.length);
  return key;
}

const PARTS = /[\s+＋|｜,，、;；!！/]+/u;

/** The title without bracketed asides that are only salary and perks: Java开发（4000+奖金+双休） → Java开发, 网络工程师(IT工程师) kept. */
export function stripPerkBrackets(title: string): string {
  return title
    .normalize("NFKC")
    .replace(BRACKETED, (aside) => {
      const parts = aside
        .slice(1)
        .replace(/[）)】\]］〕〗>》」』]$/u, "")
        .split(PARTS)
        .filter((p) => p !== "");
      return parts.length > 0 && parts.every((p) => PERK.test(p)) ? "" : aside;
    })
    .trim();
}

/** The core of a job-board title: no brackets, salary or perk words, seniority prefix; as a normalized key. */
export function normalizeJobTitle(title: string): string {
  const parts = title
    .normalize("NFKC")
    .replace(BRACKETED, " ")
    .split(PARTS)
    .map((p) => p.trim())
    .filter((p) => p !== "" && !PERK.test(p));
  const core = normalizeKey(parts[0] ?? "");
  return core.replace(SENIORITY, "");
}

const stemIndexes = new WeakMap<Taxonomy<OccupationLevel>, Map<string, Node[]>>();

/** Stem of every name, alias and alias part → entries; built on first use per taxonomy. */
function stemIndex(tax: Taxonomy<OccupationLevel>): Map<string, Node[]> {
  const known = stemIndexes.get(tax);
  if (known) return known;
  const index = new Map<string, Node[]>();
  const add = (key: string, node: Node) => {
    if (key.length < MIN_CONTAINED) return;
    const list = index.get(key);
    if (!list) index.set(key, [node]);
    else if (!list.includes(node)) list.push(node);
  };
  tax.nodes.forEach((node) => {
    for (const phrase of [node.name, ...(node.aliases ?? []), ...(node.aliases ?? []).flatMap((a) => a.split("/"))]) {
      const key = normalizeKey(phrase);
      add(key, node);
      add(stem(key), node);
    }
  });
  stemIndexes.set(tax, index);
  return index;
}

/**
 * The occupation a cleaned title names, or null: by stem (Java开发工程师 → Java开发), then by the
 * longest name or alias stem it contains. Ties collapse to a containing entry, else are ambiguous.
 */
export function resolveTitleKey(tax: Taxonomy<OccupationLevel>, key: string): Resolution<OccupationLevel> | null {
  if (key.length < MIN_CONTAINED || key.length > MAX_TITLE) return null;
  const index = stemIndex(tax);
  const direct = decide([{ by: "alias", nodes: [...(index.get(key) ?? []), ...(index.get(stem(key)) ?? [])] }], { collapseToAncestor: true });
  if (direct) return direct;
  // The stem first: in 化工工艺工程师 the job is 化工…, not the 工艺工程师 its suffix spells.
  for (const text of new Set([stem(key), key])) {
    for (let len = text.length - 1; len >= MIN_CONTAINED; len--) {
      const nodes: Node[] = [];
      const parts: string[] = [];
      for (let i = 0; i + len <= text.length; i++) {
        const found = index.get(text.slice(i, i + len));
        if (found) parts.push(text.slice(i, i + len));
        nodes.push(...(found ?? []));
      }
      // Of several, the entry whose own name starts with the phrase (化工 → 化工生产…, not 日用化工…), then one that contains it.
      const named = (test: (name: string, part: string) => boolean) => (n: Node) => parts.some((part) => test(normalizeKey(n.name), part));
      const prefer = [named((name, part) => name.includes(part)), named((name, part) => name.startsWith(part))];
      const found = decide([{ by: "alias", nodes }], { collapseToAncestor: true, prefer });
      if (found) return found;
    }
  }
  return null;
}

/**
 * Of several entries a title names equally (化工工程师 is an alias of 化工生产… and 日用化工…), the
 * one whose own name starts with the title's stem, else contains it; null when that does not settle it.
 */
export function settleByName(tax: Taxonomy<OccupationLevel>, codes: readonly string[], key: string): Resolution<OccupationLevel> | null {
  const nodes = codes.flatMap((c) => tax.byCode.get(c) ?? []);
  const core = stem(key);
  if (core.length < MIN_CONTAINED) return null;
  const prefer = [(n: Node) => normalizeKey(n.name).includes(core), (n: Node) => normalizeKey(n.name).startsWith(core)];
  const found = decide([{ by: "alias", nodes }], { collapseToAncestor: true, prefer });
  return found?.status === "ok" ? found : null;
}
