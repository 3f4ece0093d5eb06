import { z } from "@hono/zod-openapi";
import type { IndustryChainRow } from "../../data/industry-chains.ts";
import type { FieldError } from "../../errors.ts";
import { resolveIndustry } from "../../taxonomy/index.ts";
import { industryName, unresolvedMessage } from "../codes.ts";

/** Roles that manage a tenant's chains; every tenant role may read them. */
export const CHAIN_MANAGERS = ["admin", "organizer"] as const;

const name = z.string().trim().min(1).max(50).openapi({ example: "煤化工" });
const codes = z
  .array(z.string().trim().min(1).max(100))
  .min(1)
  .max(50)
  .openapi({ description: "GB/T 4754-2017 codes or industry names; stored as codes, the first one is what a single industry field gets.", example: ["2522", "2614"] });

export const CreateIndustryChainBody = z.strictObject({ name, industry_codes: codes }).openapi("CreateIndustryChain");
export const UpdateIndustryChainBody = z.strictObject({ name: name.optional(), industry_codes: codes.optional() }).openapi("UpdateIndustryChain");

export const IndustryChainSchema = z
  .object({
    id: z.string().openapi({ example: "ich_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    name: z.string().openapi({ example: "煤化工" }),
    industry_codes: z.array(z.string()).openapi({ example: ["2522", "2614"] }),
    industry_names: z.array(z.string()).openapi({ description: "Names of `industry_codes`, in the same order.", example: ["炼焦", "有机化学原料制造"] }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("IndustryChain");

export const IndustryChainListSchema = z.object({ data: z.array(IndustryChainSchema), next_cursor: z.string().nullable() }).openapi("IndustryChainList");

export function toIndustryChain(row: IndustryChainRow): z.infer<typeof IndustryChainSchema> {
  return IndustryChainSchema.parse({
    id: row.id,
    name: row.name,
    industry_codes: row.industryCodes,
    industry_names: row.industryCodes.map((c) => industryName(c) ?? c),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/** Codes or names → distinct codes, or the field errors of those that do not resolve (a chain is never made of chains). */
export function resolveChainCodes(values: readonly string[]): { codes: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: string[] = [];
  values.forEach((v, i) => {
    const r = resolveIndustry(v);
    if (r.status === "ok") out.push(r.code);
    else errors.push({ path: `industry_codes.${i}`, message: unresolvedMessage(v, r) });
  });
  return { codes: [...new Set(out)], errors };
}
