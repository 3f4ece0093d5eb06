/**
 * Normal forms for matching names and codes: full-width and half-width, spacing and punctuation
 * never decide a match, and the usual suffixes (市, 自治州, 业, 人员) may be left out.
 */

const NOISE = /[^\p{L}\p{N}+#]+/gu;

/** The comparison key of a name: NFKC (full-width → half-width), lower case, no spaces or punctuation. */
export function normalizeKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(NOISE, "");
}

/** Shortest stem a suffix may leave: 赵县 stays 赵县, never 赵. */
const MIN_STEM = 2;

function stripSuffix(key: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (key.endsWith(suffix) && key.length - suffix.length >= MIN_STEM) return key.slice(0, -suffix.length);
  }
  return key;
}

/** Ethnic groups named in autonomous areas (各族: "all groups"); those written without 族 come first. */
const BARE_ETHNIC = ["柯尔克孜", "哈萨克", "维吾尔", "塔吉克", "蒙古", "锡伯"];
const ETHNIC = [
  ...BARE_ETHNIC,
  ...["乌孜别克", "俄罗斯", "达斡尔", "鄂温克", "鄂伦春", "塔塔尔"],
  ...["布依", "朝鲜", "土家", "哈尼", "傈僳", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗", "撒拉", "毛南", "仡佬"],
  ...["阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺", "高山"],
  ...["回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "哈", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京", "各"],
].sort((a, b) => b.length - a.length);

/**
 * 恩施土家族苗族 → 恩施, 博尔塔拉蒙古 → 博尔塔拉, 东乡族 → 东乡; stops before leaving fewer than two
 * characters (内蒙古).
 */
function stripEthnic(stem: string): string {
  let rest = stem;
  for (;;) {
    const hadZu = rest.endsWith("族");
    const body = hadZu ? rest.slice(0, -1) : rest;
    const group = ETHNIC.find((e) => body.endsWith(e) && (hadZu || BARE_ETHNIC.includes(e)));
    if (group === undefined) return rest;
    if (body.length - group.length < MIN_STEM) return body.length >= MIN_STEM ? body : rest;
    rest = body.slice(0, -group.length);
  }
}

const AUTONOMOUS = ["自治区", "自治州", "自治县", "自治旗"];
const REGION_SUFFIXES = ["特别行政区", "地区", "林区", "特区", "省", "市", "盟", "区", "县", "旗"];

/** 内蒙古自治区 → 内蒙古, 鄂尔多斯市 → 鄂尔多斯, 延边朝鲜族自治州 → 延边, 朝阳区 → 朝阳. Input is a normalized key. */
export function shortRegionName(key: string): string {
  for (const suffix of AUTONOMOUS) {
    if (key.endsWith(suffix) && key.length - suffix.length >= MIN_STEM) return stripEthnic(key.slice(0, -suffix.length));
  }
  return stripSuffix(key, REGION_SUFFIXES);
}

/** 化学原料和化学制品制造业 → 化学原料和化学制品制造. */
export function shortIndustryName(key: string): string {
  return stripSuffix(key, ["业"]);
}

/** 化工工程技术人员 → 化工工程技术. */
export function shortOccupationName(key: string): string {
  return stripSuffix(key, ["人员"]);
}

/** Placeholder divisions (市辖区, 县, 省直辖县级行政区划) that name no place by themselves. */
export function isPlaceholderRegionName(name: string): boolean {
  return name === "市辖区" || name === "县" || name.endsWith("直辖县级行政区划");
}

function compactCode(text: string): string {
  return text.normalize("NFKC").trim().toUpperCase();
}

/** `C`, `26`, `2614`, `C2614` → the code as the taxonomy spells it (letter kept apart), or null. */
export function parseIndustryCode(text: string): { code: string; section?: string } | null {
  const m = /^([A-T])?\s*(\d{2,4})?$/.exec(compactCode(text));
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  if (m[2] === undefined) return { code: m[1] ?? "" };
  return m[1] === undefined ? { code: m[2] } : { code: m[2], section: m[1] };
}

/** `2-02-09-04`, `2.02.09.04`, `2020904`, `2 02 09` → `2-02-09-04` / `2-02-09`, or null. */
export function parseOccupationCode(text: string): string | null {
  const t = compactCode(text).replace(/[\s._·—–-]+/g, "-");
  if (/^\d(?:-\d{2}){0,3}$/.test(t)) return t;
  if (/^\d(?:\d{2}){0,3}$/.test(t)) return [t.slice(0, 1), t.slice(1, 3), t.slice(3, 5), t.slice(5, 7)].filter((p) => p !== "").join("-");
  return null;
}

/**
 * Region code candidates for a digit string, most literal first: `1506`, `150600` (the 6-digit
 * form of a city) and `150600000000` (the 12-digit statistical form) all name city 1506.
 */
export function parseRegionCode(text: string): string[] | null {
  const t = compactCode(text);
  if (!/^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(t)) return null;
  const six = t.length > 6 ? t.slice(0, 6) : t;
  if (t.length > 6 && /[^0]/.test(t.slice(6))) return [];
  const out = [six];
  if (six.length === 6 && six.endsWith("00")) out.push(six.slice(0, 4));
  if (six.length >= 4 && six.slice(2).replace(/0/g, "") === "") out.push(six.slice(0, 2));
  return out;
}

/** Search form of a code-like query: occupation digits get their dashes back, so `20209` finds 2-02-09-…. */
export function occupationCodePrefix(text: string): string | null {
  const t = compactCode(text).replace(/[\s._·—–-]+/g, "-");
  if (/^\d(?:-\d{1,2})*-?$/.test(t)) return t;
  if (!/^\d{1,7}$/.test(t)) return null;
  return [t.slice(0, 1), t.slice(1, 3), t.slice(3, 5), t.slice(5, 7)].filter((p) => p !== "").join("-");
}
