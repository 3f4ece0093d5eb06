import { z } from "@hono/zod-openapi";
import { lexicon } from "../lexicon.ts";
import { resolveOccupation } from "../taxonomy/index.ts";

/**
 * Taxonomy codes as request fields: checked against the shipped reference data, so a typo is a
 * field error naming the value, not a silently unmatched profile. Names are resolved to codes
 * with `GET /v1/taxonomy/resolve` or by the importers.
 */
export const industryCode = z
  .string()
  .regex(/^\d{2,4}$/, { message: "must be a GB/T 4754-2017 code (2–4 digits)", abort: true })
  .refine((c) => lexicon().industrySection.has(c), { message: "is not a GB/T 4754-2017 industry code" });

export const occupationCode = z
  .string()
  .regex(/^\d(-\d{2}){0,3}$/, { message: "must be a 职业分类大典 code like 2-02-06-03", abort: true })
  .refine(
    (c) => {
      const r = resolveOccupation(c);
      return r.status === "ok" && r.code === c;
    },
    { message: "is not an occupation code of 职业分类大典 2022" },
  );

export const cityCode = z
  .string()
  .regex(/^\d{4}$/, { message: "must be a GB/T 2260 city code (4 digits)", abort: true })
  .refine((c) => lexicon().cityProvince.has(c), { message: "is not a GB/T 2260 city code" });
