/**
 * Name → code resolution for the three taxonomies, for imports and for clients checking a name
 * first. Every call is a handful of map reads (an import resolves every row of a large file);
 * only a miss scans, through a bigram index, for suggestions.
 *
 * Rules, in order; the first rule with an acceptable candidate decides:
 * 1. an exact code (occupations with or without separators; regions also in 6- or 12-digit form);
 * 2. the exact name, ignoring width, case, spaces and punctuation;
 * 3. occupations: a job-board alias (or one `/`-separated part of one);
 * 4. the name without its usual suffix (鄂尔多斯 → 鄂尔多斯市; 化学原料和化学制品制造 → …制造业);
 *    a suffix the input does carry must match (朝阳区 never reaches 朝阳市);
 * 5. regions: a name qualified by its province or city (北京市朝阳区, 深圳-南山区); a municipality
 *    (北京市) is its city 1101, with its districts below;
 * 6. job-board titles (`resolveJobTitle`): cleaned of brackets, salary and perks, then by stem
 *    and the longest name or alias contained (Java开发工程师 → Java开发).
 * Hard filters (a region `level`) apply first, then the region `within` preference. Several
 * candidates left in the deciding rule are `ambiguous`, except:
 * - industries and occupations: an entry that contains all the others (group 019 其他农业 and its
 *   only class 0190 of the same name) wins; the most general is never wrong, since the matcher
 *   treats an ancestor code as matching all its descendants;
 * - regions by short name: the most general level wins (河南 is the province, not 河南蒙古族自治县;
 *   吉林 the province, not 吉林市); pass `level` or `within` to reach the others. Exact names
 *   never collapse: 朝阳区 stays ambiguous between Beijing's and Changchun's.
 */
import type { Taxonomy } from "./build.ts";
import { codeSuggestions, decide, shortNameTier, toCandidate } from "./decide.ts";
import { industryTaxonomy, MUNICIPALITIES, occupationTaxonomy, regionTaxonomy } from "./data.ts";
import {
  isPlaceholderRegionName,
  normalizeKey,
  parseIndustryCode,
  parseOccupationCode,
  parseRegionCode,
  shortIndustryName,
  shortOccupationName,
} from "./normalize.ts";
import { resolveRegionName } from "./region.ts";
import { normalizeJobTitle, resolveTitleKey, settleByName, stripPerkBrackets } from "./title.ts";
import type {
  IndustryLevel,
  OccupationLevel,
  RegionLevel,
  RegionResolveOptions,
  Resolution,
  TaxonomyLevel,
  TaxonomyNode,
} from "./types.ts";

function unknown<L extends TaxonomyLevel>(tax: Taxonomy<L>, key: string, accept?: (n: TaxonomyNode<L>) => boolean): Resolution<L> {
  const ok = accept ? (code: string) => [code].flatMap((c) => tax.byCode.get(c) ?? []).some(accept) : undefined;
  return { status: "unknown", suggestions: key === "" ? [] : tax.suggest.suggest(key, ok) };
}

function byCode<L extends TaxonomyLevel>(node: TaxonomyNode<L>): Resolution<L> {
  return { status: "ok", code: node.code, name: node.name, level: node.level, matchedBy: "code" };
}

/** A GB/T 4754-2017 industry by code (`C`, `26`, `C2614`) or name (`化学原料和化学制品制造业`, `…制造`). */
export function resolveIndustry(nameOrCode: string): Resolution<IndustryLevel> {
  const tax = industryTaxonomy();
  const code = parseIndustryCode(nameOrCode);
  if (code) {
    const node = tax.byCode.get(code.code);
    if (node && (code.section === undefined || node.section === code.section)) return byCode(node);
    if (node) return { status: "unknown", suggestions: [{ code: node.code, name: node.name }] };
    return codeSuggestions(tax, code.code);
  }
  const key = normalizeKey(nameOrCode);
  const tiers = [{ by: "name" as const, nodes: tax.byName.get(key) ?? [] }, shortNameTier(tax, key, shortIndustryName)];
  return decide(tiers, { collapseToAncestor: true }) ?? unknown(tax, key);
}

/** A 职业分类大典 2022 occupation by code (`2-02-09-04`, `2020904`), name, job-board alias or name without 人员. */
export function resolveOccupation(nameOrCode: string): Resolution<OccupationLevel> {
  return resolveOccupationIn(occupationTaxonomy(), nameOrCode);
}

/** `resolveOccupation` against a given taxonomy (tests use small fixtures). */
export function resolveOccupationIn(tax: Taxonomy<OccupationLevel>, nameOrCode: string): Resolution<OccupationLevel> {
  const code = parseOccupationCode(nameOrCode);
  if (code) {
    const node = tax.byCode.get(code);
    return node ? byCode(node) : codeSuggestions(tax, code);
  }
  const key = normalizeKey(nameOrCode);
  const tiers = [
    { by: "name" as const, nodes: tax.byName.get(key) ?? [] },
    { by: "alias" as const, nodes: tax.byAlias.get(key) ?? [] },
    shortNameTier(tax, key, shortOccupationName),
  ];
  return decide(tiers, { collapseToAncestor: true }) ?? unknown(tax, key);
}

/** The prefix of codes inside a region: a municipality's city (1101) holds all of the municipality (11). */
function regionScope(code: string): string {
  return code.length === 4 && MUNICIPALITIES.has(code.slice(0, 2)) ? code.slice(0, 2) : code;
}

/** Separators a job board puts between a city and its district (深圳-南山区, 上海 · 浦东). */
const PLACE_PARTS = /[-－—–·•/／|｜\s]+/u;

/**
 * A job-board title as an occupation: as `resolveOccupation` first; a title it does not know is
 * cleaned of brackets, salary, perks and seniority and looked up by stem and by the longest name
 * or alias it contains (Java开发工程师 → Java开发; 化工工艺工程师（4000+奖金+双休）).
 */
export function resolveJobTitle(title: string): Resolution<OccupationLevel> {
  const known = titleMemo.get(title);
  if (known) return known;
  // The data is static, so an answer never goes stale; the memo is dropped whole when it fills.
  if (titleMemo.size >= TITLE_MEMO_SIZE) titleMemo.clear();
  const found = resolveJobTitleUncached(title);
  titleMemo.set(title, found);
  return found;
}

/** Catalogs repeat their titles: the scan behind an unknown one is done once per process. */
const TITLE_MEMO_SIZE = 20_000;
const titleMemo = new Map<string, Resolution<OccupationLevel>>();

function resolveJobTitleUncached(title: string): Resolution<OccupationLevel> {
  const tax = occupationTaxonomy();
  let plain = resolveOccupationIn(tax, title);
  if (plain.status === "ok") return plain;
  const bare = stripPerkBrackets(title);
  if (plain.status === "unknown" && bare !== "" && bare !== title.trim()) plain = resolveOccupationIn(tax, bare);
  if (plain.status === "ok") return plain;
  const key = normalizeJobTitle(title);
  if (plain.status === "ambiguous") return settleByName(tax, plain.candidates.map((c) => c.code), key) ?? plain;
  const found = resolveTitleKey(tax, key);
  return found ?? (key === "" ? plain : unknown(tax, key));
}

/**
 * A GB/T 2260 region by code (`15`, `1506`, `150602`, `150600`) or name (`内蒙古`, `鄂尔多斯`,
 * `北京市朝阳区`, `鄂尔多斯市东胜区`). `level` admits only entries of that level. When several
 * places match, those inside a `near` code (the row's other place columns) are kept, then those
 * inside `within` (the tenant's region), then inside its province; neither ever turns a match
 * into a miss. Placeholder divisions (市辖区, 县) never match by name; a municipality's name
 * resolves to its city (北京市 → 1101). A name whose first part is a place and whose rest is not
 * (惠州-大亚湾区, a development zone) resolves to that first part.
 */
export function resolveRegion(nameOrCode: string, opts: RegionResolveOptions = {}): Resolution<RegionLevel> {
  const tax = regionTaxonomy();
  const accept = (n: TaxonomyNode<RegionLevel>) => opts.level === undefined || n.level === opts.level;
  const codes = parseRegionCode(nameOrCode);
  if (codes) {
    const node = codes.flatMap((c) => tax.byCode.get(c) ?? []).find(accept);
    return node ? byCode(node) : codeSuggestions(tax, codes[0] ?? "", accept);
  }
  // Nearest first: the cities of the row's other places, their provinces, then the tenant's region and its province.
  const near = opts.near ?? [];
  const scopes = [
    ...near.map((c) => regionScope(c.slice(0, 4))),
    ...near.map((c) => c.slice(0, 2)),
    ...(opts.within ? [regionScope(opts.within), opts.within.slice(0, 2)] : []),
  ];
  const prefer = [...new Set(scopes)].filter((s) => s !== "").map((s) => (n: TaxonomyNode<RegionLevel>) => n.code.startsWith(s));
  const key = normalizeKey(nameOrCode);
  if (key === "") return unknown(tax, key, accept);
  const found = resolveRegionName(tax, key, accept, prefer);
  if (found) return found;
  const [first, ...rest] = nameOrCode.trim().split(PLACE_PARTS);
  if (first !== undefined && rest.length > 0) {
    const head = resolveRegionName(tax, normalizeKey(first), accept, prefer);
    if (head?.status === "ok") return { ...head, matchedBy: "qualified_name" };
  }
  return unknown(tax, key, accept);
}

/** Separators of a cell that lists several places (东胜区、康巴什区). */
const PLACE_LIST = /[、,，;；/／|｜\n]+/u;

/**
 * A place cell or field: one place as `resolveRegion` resolves it, or several (东胜区、康巴什区)
 * that all resolve, as their smallest common region (1506); several with none in common (北京、上海)
 * are ambiguous between them.
 */
export function resolvePlace(value: string, opts: RegionResolveOptions = {}): Resolution<RegionLevel> {
  const whole = resolveRegion(value, opts);
  const parts = value.split(PLACE_LIST).map((p) => p.trim()).filter((p) => p !== "");
  if (whole.status === "ok" || parts.length < 2) return whole;
  const first = parts.map((p) => resolveRegion(p, opts));
  // An ambiguous one is settled by the others it is listed with (海淀区、朝阳区: Beijing's).
  const settled = first.flatMap((r) => (r.status === "ok" ? [r.code] : []));
  const each = first.map((r, i) => (r.status === "ambiguous" ? resolveRegion(parts[i] ?? "", { ...opts, near: [...settled, ...(opts.near ?? [])] }) : r));
  const codes = each.flatMap((r) => (r.status === "ok" ? [r.code] : []));
  if (codes.length < each.length) return whole;
  const tax = regionTaxonomy();
  for (const len of [6, 4, 2]) {
    const heads = new Set(codes.map((c) => regionScope(c.slice(0, len))));
    const [head] = heads;
    const node = head === undefined || heads.size > 1 || codes.some((c) => c.length < len) ? undefined : tax.byCode.get(head.length === 2 && MUNICIPALITIES.has(head) ? `${head}01` : head);
    if (node && (opts.level === undefined || node.level === opts.level)) return { status: "ok", code: node.code, name: node.name, level: node.level, matchedBy: "common_region" };
  }
  return { status: "ambiguous", candidates: [...new Set(codes)].flatMap((c) => tax.byCode.get(c) ?? []).map(toCandidate) };
}

/** Region options for a place field: any level, narrowed by the other places given (`near`), then by the tenant's region. */
export function placeOptions(regionCode: string | null, near: readonly (string | null | undefined)[] = []): RegionResolveOptions {
  const codes = near.flatMap((c) => (c ? [c] : []));
  return { ...(regionCode ? { within: regionCode } : {}), ...(codes.length > 0 ? { near: codes } : {}) };
}

/** The name a region code is shown with: an area with its city (鄂尔多斯市东胜区, 北京市海淀区), others by their own name. */
export function regionDisplayName(code: string): string | null {
  const node = regionTaxonomy().byCode.get(code);
  if (!node) return null;
  const city = node.level === "area" ? node.path.find((p) => p.code.length === 4) : undefined;
  return city && !isPlaceholderRegionName(city.name) ? `${city.name}${node.name}` : node.name;
}
