import { z } from "@hono/zod-openapi";
import { listIndustryChains } from "../data/industry-chains.ts";
import { getTenant } from "../data/tenants.ts";
import type { Db } from "../db.ts";
import { type FieldError, ValidationError } from "../errors.ts";
import {
  type ChainRef,
  placeOptions,
  regionDisplayName,
  resolveIndustry,
  resolveIndustryOrChain,
  resolveJobTitle,
  resolveOccupation,
  resolvePlace,
  resolveRegion,
  type Resolution,
  type TaxonomyLevel,
} from "../taxonomy/index.ts";
import { industryTaxonomy, occupationTaxonomy } from "../taxonomy/data.ts";

/**
 * Taxonomy fields of JSON bodies take a code or a name. A value written as a code is checked
 * here, against the shipped reference data, so a typo is a field error beside the others; a
 * name is resolved by the handler with `CodeResolver` (it needs the tenant's region and chains),
 * the same way imports resolve it.
 */
const looksLikeRegionCode = (v: string) => /^\d+$/.test(v.trim());
const looksLikeIndustryCode = (v: string) => /^[A-Za-z]?\d{1,4}$|^[A-Ta-t]$/.test(v.trim());
const looksLikeOccupationCode = (v: string) => /^\d[\d\s.-]*$/.test(v.trim());

const isCode = (r: Resolution<TaxonomyLevel>) => r.status === "ok" && r.matchedBy === "code";

export const placeField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => !looksLikeRegionCode(v) || isCode(resolveRegion(v)), { message: "is not a GB/T 2260 code (2, 4 or 6 digits)" })
  .openapi({ description: "A GB/T 2260 code (15, 1506, 150624) or a place name (鄂尔多斯, 鄂托克旗, 北京市海淀区).", example: "1506" });

export const industryField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => !looksLikeIndustryCode(v) || isCode(resolveIndustry(v)), { message: "is not a GB/T 4754-2017 industry code" })
  .openapi({ description: "A GB/T 4754-2017 code, an industry name, or one of the tenant's industry chains (煤化工).", example: "2614" });

export const occupationField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => !looksLikeOccupationCode(v) || isCode(resolveOccupation(v)), { message: "is not an occupation code of 职业分类大典 2022" })
  .openapi({ description: "A 职业分类大典 2022 code, an occupation name or a job-board title (Java开发工程师).", example: "2-02-06-03" });

/** What resolving a name needs from the tenant: its region (for ambiguous places) and its industry chains. */
export interface CodeContext {
  regionCode: string | null;
  chains: readonly ChainRef[];
}

export async function codeContext(db: Db, tenantId: string): Promise<CodeContext> {
  const [tenant, chains] = await Promise.all([getTenant(db, tenantId), listIndustryChains(db, tenantId)]);
  return { regionCode: tenant.regionCode, chains };
}

/** The reason a name did not resolve, listing candidates or near misses with their codes. */
export function unresolvedMessage(value: string, r: Resolution<TaxonomyLevel>): string {
  if (r.status === "ambiguous") {
    const list = r.candidates.map((c) => `${c.path.map((p) => p.name).filter((n, i, all) => all.indexOf(n) === i && !/^(市辖区|县)$/.test(n)).join("")}${c.name} (${c.code})`);
    return `'${value}' is ambiguous: ${list.join(", ")}; write the code or a fuller name`;
  }
  if (r.status === "unknown") {
    const near = r.suggestions.slice(0, 3).map((s) => `${s.name} (${s.code})`);
    return near.length > 0 ? `'${value}' is not a known name; did you mean ${near.join(", ")}?` : `'${value}' is not a known name`;
  }
  return "";
}

/**
 * Resolves the code-or-name fields of one body, collecting every unresolvable one; `done()`
 * throws them as one 422. `undefined` (not sent) and `null` (cleared) pass through.
 */
export class CodeResolver {
  private readonly errors: FieldError[] = [];
  private readonly ctx: CodeContext;
  /** Industry chains named in industry fields so far, in order. */
  readonly chainsNamed: string[] = [];
  constructor(ctx: CodeContext) {
    this.ctx = ctx;
  }

  private take(path: string, value: string, r: Resolution<TaxonomyLevel>): string | null {
    if (r.status === "ok") return r.code;
    this.errors.push({ path, message: unresolvedMessage(value, r) });
    return null;
  }

  /** A place at any level; `near` (the body's other places) settles an ambiguous name before the tenant's region does. */
  place<T extends string | null | undefined>(path: string, value: T, near: readonly (string | null | undefined)[] = []): T | string | null {
    if (value === undefined || value === null) return value;
    return this.take(path, value, resolvePlace(value, placeOptions(this.ctx.regionCode, near)));
  }

  places(path: string, values: readonly string[] | undefined, near: readonly (string | null | undefined)[] = []): string[] | undefined {
    if (values === undefined) return undefined;
    return unique(values.flatMap((v, i) => this.place(`${path}.${i}`, v, near) ?? []));
  }

  /** One industry code; a chain name gives its first code and the chain's name. */
  industry(path: string, value: string | null | undefined): { code: string | null; chain: string | null } | null | undefined {
    if (value === undefined || value === null) return value;
    const r = resolveIndustryOrChain(value, this.ctx.chains);
    return { code: this.take(path, value, r.resolution), chain: r.chain?.name ?? null };
  }

  /** Industry codes; a chain name stands for all of its codes. */
  industries(path: string, values: readonly string[] | undefined, max: number): string[] | undefined {
    if (values === undefined) return undefined;
    const out = values.flatMap((v, i) => {
      const r = resolveIndustryOrChain(v, this.ctx.chains);
      if (r.chain) this.chainsNamed.push(r.chain.name);
      return this.take(`${path}.${i}`, v, r.resolution) === null ? [] : r.codes;
    });
    return unique(out).slice(0, max);
  }

  occupation<T extends string | null | undefined>(path: string, value: T): T | string | null {
    if (value === undefined || value === null) return value;
    return this.take(path, value, resolveJobTitle(value));
  }

  occupations(path: string, values: readonly string[] | undefined): string[] | undefined {
    if (values === undefined) return undefined;
    return unique(values.flatMap((v, i) => this.occupation(`${path}.${i}`, v) ?? []));
  }

  /** Throws every field that did not resolve as one 422. */
  done(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Display names beside stored codes, for responses. */
export function placeName(code: string | null): string | null {
  return code === null ? null : regionDisplayName(code);
}

export function industryName(code: string | null): string | null {
  return code === null ? null : (industryTaxonomy().byCode.get(code)?.name ?? null);
}

export function occupationName(code: string | null): string | null {
  return code === null ? null : (occupationTaxonomy().byCode.get(code)?.name ?? null);
}

/** The nullable wire form of a `*_name` field. */
export const nameField = (description: string, example: string) => z.string().nullable().openapi({ description, example });
