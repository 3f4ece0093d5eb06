/**
 * Cell parsers: one raw, trimmed, non-empty cell in, a typed value or a reason out. Blank cells
 * never reach them (rows.ts treats blank as "not given"). `value: null` with `ok: true` means the
 * cell says "no requirement" (若干, 不限, 面议, 长期).
 */

/** The outcome of parsing one cell; `warning` says how an accepted value was adjusted. */
export type CellResult<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

export const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
export const adjusted = <T>(value: T, warning: string): CellResult<T> => ({ ok: true, value, warning });
export const fail = <T = never>(reason: string): CellResult<T> => ({ ok: false, reason });

/** NFKC (full-width digits, letters and punctuation → ASCII), lower case, no whitespace. */
export function squash(raw: string): string {
  // NFKC leaves ASCII and the CJK Unified Ideographs as they are; most cells are only those.
  const text = /[^\t\n\r -~\u4e00-\u9fff]/u.test(raw) ? raw.normalize("NFKC") : raw;
  return text.toLowerCase().replace(/\s+/gu, "");
}

const LIST_SEPARATORS = /[、,，;；/／\n\r|｜]+/u;

/** Split a multi-valued cell on 、 , ， ; ； / and newlines; trimmed, de-duplicated, order kept. */
export function parseList(raw: string): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(LIST_SEPARATORS)) {
    const item = part.trim();
    if (item !== "") seen.add(item);
  }
  return [...seen];
}

/** A free-text cell, refused past `maxLength` characters (a sign of a shifted column). */
export function parseText(raw: string, maxLength = 200): CellResult<string> {
  const text = raw.trim();
  return text.length > maxLength ? fail(`longer than ${maxLength} characters (超过${maxLength}字)`) : ok(text);
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "3", "三", "十" → 3, 3, 10; anything else → undefined. */
function smallNumber(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  if (text.length === 1) return CN_DIGITS[text];
  // 十一 … 十九, 二十: enough for years of experience.
  const m = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/u.exec(text);
  if (!m) return undefined;
  const tens = m[1] ? (CN_DIGITS[m[1]] ?? 1) : 1;
  const ones = m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0;
  return tens * 10 + ones;
}

const UNSPECIFIED = /^(若干|不限|多名|待定|n\/a|na|-|—|无要求)$/u;

/**
 * 需求人数: a positive whole number ("5", "5人", "5名"); a range ("3-5人") gives its upper bound,
 * the seats on offer; "若干" / "不限" / "多名" → null.
 */
export function parseHeadcount(raw: string): CellResult<number | null> {
  const text = squash(raw);
  if (UNSPECIFIED.test(text)) return ok(null);
  const m = /^(\d+|[一二两三四五六七八九十]+)(?:[-~至到](\d+|[一二两三四五六七八九十]+))?(?:人|名|个|位)?$/u.exec(text);
  const upper = m ? smallNumber(m[2] ?? m[1] ?? "") : undefined;
  if (upper === undefined || upper < 1) return fail("headcount must be a positive whole number, or 若干 (需求人数应为正整数或“若干”)");
  if (upper > 100_000) return fail("headcount is implausibly large (需求人数过大)");
  return ok(upper);
}

/**
 * 工作经验 / 工作年限 in whole years, 0 allowed: "3", "3年", "3年以上", "3-5年" (the lower bound:
 * a minimum), "十年"; "无经验" / "应届" / "1年以下" → 0; "不限" / "经验不限" → null.
 */
export function parseYears(raw: string): CellResult<number | null> {
  const text = squash(raw).replace(/^(工作)?经验/u, "");
  if (text === "" || UNSPECIFIED.test(text)) return ok(null);
  if (/^(无经验|无|应届|应届生|应届毕业生|在校生|1年以下|一年以下|不满1年)$/u.test(text)) return ok(0);
  const m = /^(\d+|[一二两三四五六七八九十]+)(?:[-~至到](?:\d+|[一二两三四五六七八九十]+))?(?:年|years?|yrs?)?(?:及?以上|\+)?(?:工作经验|经验)?$/u.exec(text);
  const years = m ? smallNumber(m[1] ?? "") : undefined;
  if (years === undefined) return fail("years must be a whole number ≥ 0 such as 3 or 3年以上 (年限应为非负整数)");
  if (years > 60) return fail("years of experience above 60 (工作年限超过60年)");
  return ok(years);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

// Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for (serials ≥ 61).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel date serial (1900 system) as an ISO date. */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * 有效期 as ISO "YYYY-MM-DD" from "2026-12-31", "2026/12/31", "2026.12.31", "2026年12月31日",
 * "20261231", an ISO timestamp, or an Excel serial (46387); "2026年12月" → the month's last day;
 * "长期" / "长期有效" → null.
 */
export function parseDate(raw: string): CellResult<string | null> {
  const text = squash(raw);
  if (/^(长期|长期有效|不限|无)$/u.test(text)) return ok(null);
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:t[\d:.]+z?)?$/u.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail("not a calendar date (日期不存在)");
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/u.exec(text);
  if (m) {
    const month = Number(m[2]);
    const year = Number(m[1]);
    // Day 0 of the next month is this month's last day.
    const iso = month >= 1 && month <= 12 ? isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate()) : undefined;
    return iso ? ok(iso) : fail("not a calendar month (月份不存在)");
  }
  if (/^\d{3,6}(\.\d+)?$/u.test(text)) {
    const serial = Number(text);
    // 1900-03-01 … 2199-12-31: outside that a number is more likely a typo than a date.
    if (serial >= 61 && serial <= 109_572) return ok(excelSerialToIso(serial));
  }
  return fail("not a date: use 2026-12-31 or 2026年12月31日 (日期格式应为2026-12-31)");
}

/** A mainland mobile number as 11 digits, after removing spaces, dashes, brackets and +86 / 0086. */
export function parsePhone(raw: string): CellResult<string> {
  const digits = raw.normalize("NFKC").replace(/[\s\-()（）.]/gu, "").replace(/^(\+?86|0086)(?=1\d{10}$)/u, "");
  return /^1[3-9]\d{9}$/u.test(digits) ? ok(digits) : fail("not a mainland mobile number (应为11位手机号)");
}

/** An e-mail address; the domain is lower-cased, full-width ＠ accepted. */
export function parseEmail(raw: string): CellResult<string> {
  const text = raw.normalize("NFKC").trim();
  const m = /^([^\s@]+)@([^\s@]+\.[^\s@.]{2,})$/u.exec(text);
  if (!m || text.length > 254) return fail("not an e-mail address (邮箱格式不正确)");
  return ok(`${m[1] ?? ""}@${(m[2] ?? "").toLowerCase()}`);
}

const CN_LEVEL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };
const ROMAN_LEVEL: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8 };

function level(token: string): number | undefined {
  return /^[1-8]$/u.test(token) ? Number(token) : (CN_LEVEL[token] ?? ROMAN_LEVEL[token]);
}

/**
 * 人才类别 1 (highest) … 8: "一类", "1类", "第一类人才", "1", "Ⅰ类". A range ("一至三类") gives
 * its largest number: for a demand, the lowest level still accepted.
 */
export function parseCategoryLevel(raw: string): CellResult<number> {
  const text = squash(raw).replace(/^第/u, "").replace(/(类|级|层次)?(人才)?$/u, "");
  const m = /^([1-8一二三四五六七八]|[iv]{1,4})(?:(?:类|级)?[-~至到]第?([1-8一二三四五六七八]|[iv]{1,4}))?$/u.exec(text);
  const from = m ? level(m[1] ?? "") : undefined;
  const to = m?.[2] === undefined ? from : level(m[2]);
  if (from === undefined || to === undefined) return fail("talent category must be 1–8, e.g. 一类 or 3 (人才类别应为一至八类)");
  return ok(Math.max(from, to));
}
