import { z } from "@hono/zod-openapi";
import { ENGAGEMENT_MODES, queryTerms } from "../../matching/index.ts";
import { InvalidParameterError } from "../errors.ts";

/** OpenAPI metadata of a query parameter. */
export const queryParam = (name: string, description: string) => ({ param: { name, in: "query" as const }, description });

/** Filters shared by the talent and demand lists: code prefixes, a city, a mode, a category. */
export const profileFilters = {
  industry: z
    .string()
    .regex(/^\d{2,4}$/, "must be a GB/T 4754 code prefix")
    .optional()
    .openapi(queryParam("industry", "GB/T 4754 code or prefix.")),
  occupation: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/, "must be an occupation code or prefix like 2-02")
    .optional()
    .openapi(queryParam("occupation", "职业分类大典 code or prefix.")),
  city: z
    .string()
    .regex(/^\d{2}(?:\d{2}){0,2}$/, "must be a GB/T 2260 code (2, 4 or 6 digits)")
    .optional()
    .openapi(queryParam("city", "GB/T 2260 code: a province, city or district; places inside it match too (1506 lists 鄂托克旗 150624).")),
  mode: z.enum(ENGAGEMENT_MODES).optional().openapi(queryParam("mode", "An engagement mode (accepted by the talent, offered by the demand).")),
  category_level: z.coerce.number().int().min(1).max(8).optional().openapi(queryParam("category_level", "Talent category, exactly.")),
};

/** `q=`: keyword search, every word must occur; Chinese is matched by character pairs, like the matching core reads it. */
export const searchQuery = (fields: string) => ({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi(queryParam("q", `Keywords, all of which must occur in ${fields}. Chinese needs no spaces (煤化工 finds 煤化工工艺工程师).`)),
});

export const MAX_SEARCH_TERMS = 16;

/** The search terms of `q`, or a 400 when it holds nothing searchable (only punctuation). */
export function searchTermsOf(q: string | undefined): string[] | undefined {
  if (q === undefined) return undefined;
  const terms = queryTerms(q);
  if (terms.length === 0) throw new InvalidParameterError([{ path: "q", message: "must contain a word to search for", messageZh: "必须包含可搜索的词" }]);
  // Each term is a few bound parameters and D1 binds at most 100 per statement.
  if (terms.length > MAX_SEARCH_TERMS) {
    throw new InvalidParameterError([
      { path: "q", message: `must have at most ${MAX_SEARCH_TERMS} search terms; shorten it`, messageZh: `搜索词至多 ${MAX_SEARCH_TERMS} 个，请缩短` },
    ]);
  }
  return terms;
}
