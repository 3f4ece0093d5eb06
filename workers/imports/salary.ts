import { fail, ok, squash } from "./cells.ts";
import type { CellResult } from "./cells.ts";

/** A monthly pay band in whole yuan; an open end ("8000以上") is null. */
export interface SalaryBand {
  min: number | null;
  max: number | null;
}

const NEGOTIABLE = /^(面议|薪资面议|薪酬面议|待遇面议|工资面议|协商|面谈|议定|一人一议|一事一议|negotiable)$/u;
const YEARLY = /年薪|\/年|每年|一年|per(year|annum)|\/y(ea)?r?$|\/a$|p\.?a\.?$/u;
const MONTHLY = /月薪|\/月|每月|per(month)|\/mo(nth)?$/u;
const UNSUPPORTED_PERIOD = /日薪|\/天|\/日|每天|时薪|\/小时|\/时|每小时|per(day|hour)/u;
const UNIT: Record<string, number> = { "": 1, k: 1000, 千: 1000, w: 10_000, 万: 10_000 };
const AMOUNT = String.raw`(\d+(?:\.\d+)?)(k|千|w|万)?`;
const BAND = new RegExp(String.raw`^${AMOUNT}(?:[-~至到]${AMOUNT})?(以上|起|及以上|\+|以下|以内)?$`, "u");
// Without a period, a band written in 万 reaching 10万 is yearly: catalogs shorten "年薪20-30万" to
// "20-30万". Plain digits stay monthly: job boards bracket monthly pay as "70001-100000".
const YEARLY_THRESHOLD = 100_000;

/**
 * 薪酬待遇 → monthly yuan: "8000-12000", "8k-12k", "8千-1万", "1-1.5万/月" (a unit on the last
 * amount applies to a bare first one), "10-15万/年", "年薪30万" and "20-30万" (÷ 12, rounded),
 * "1-1.5万·13薪" (the monthly base), "5000以上" (open max); "面议" → null. Daily and hourly pay
 * are refused.
 */
export function parseSalary(raw: string): CellResult<SalaryBand | null> {
  let text = squash(raw).replace(/[—–－]/gu, "-");
  if (NEGOTIABLE.test(text)) return ok(null);
  if (UNSUPPORTED_PERIOD.test(text)) return fail("daily or hourly pay: give a monthly or yearly amount (请填写月薪或年薪)");
  const yearly = YEARLY.test(text);
  const monthly = MONTHLY.test(text);
  text = text
    .replace(/[·*×x]\d+薪$/u, "")
    .replace(/年薪|月薪|税前|税后|人民币|rmb|cny|¥|￥|左右|元|每年|每月|\/年|\/月|\/y(ea)?r?$|\/mo(nth)?$|per(year|annum|month)$/gu, "")
    .replace(/,/gu, "");
  const m = BAND.exec(text);
  if (!m) return fail("not a salary: use 8000-12000, 8k-12k, 1-1.5万/月, 10-15万/年 or 面议 (薪酬格式不正确)");
  const [, a, unitA = "", b, unitB, open] = m;
  // "1-1.5万": the unit written once covers both ends.
  const first = Number(a) * (UNIT[unitA === "" && unitB ? unitB : unitA] ?? 1);
  const second = b === undefined ? undefined : Number(b) * (UNIT[unitB ?? ""] ?? 1);
  let min: number | null = first;
  let max: number | null = second ?? first;
  if (second === undefined && open !== undefined) {
    if (/以下|以内/u.test(open)) min = null;
    else max = null;
  }
  if ((min ?? 0) > (max ?? Infinity)) return fail("the lower amount is above the upper one (薪酬下限高于上限)");
  const inWan = /w|万/u.test(`${unitA}${unitB ?? ""}`);
  const divisor = yearly || (!monthly && inWan && Math.max(min ?? 0, max ?? 0) >= YEARLY_THRESHOLD) ? 12 : 1;
  const band: SalaryBand = {
    min: min === null ? null : Math.round(min / divisor),
    max: max === null ? null : Math.round(max / divisor),
  };
  const top = band.max ?? band.min ?? 0;
  if (top < 100) return fail("amount too small to be a monthly salary: add a unit such as 元, 千 or 万 (金额过小，请注明单位)");
  if (top > 1_000_000) return fail("more than 1,000,000 yuan a month (月薪超过100万)");
  return ok(band);
}
