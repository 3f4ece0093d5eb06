import { z } from "@hono/zod-openapi";
import { ENGAGEMENT_MODES } from "../../matching/index.ts";

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
