/**
 * Industry chains (产业链) are tenant data: a name standing for a set of GB/T 4754-2017 codes. A
 * chain name in an industry cell or field resolves to the chain and its codes; anything else
 * resolves as an industry.
 */
import { normalizeKey } from "./normalize.ts";
import { resolveIndustry } from "./resolver.ts";
import type { IndustryLevel, Resolution } from "./types.ts";

/** A chain as the resolver needs it. */
export interface ChainRef {
  name: string;
  industryCodes: readonly string[];
}

/** An industry resolution, with the chain when the name was a chain's. */
export interface IndustryOrChain {
  resolution: Resolution<IndustryLevel>;
  /** Every code the value stands for: the chain's codes, or the one industry code. */
  codes: string[];
  chain: ChainRef | null;
}

/** The chain named `value` (ignoring width, spacing, brackets and a trailing 产业链 / 产业), or null. */
export function findChain(chains: readonly ChainRef[], value: string): ChainRef | null {
  const key = (s: string) => normalizeKey(s).replace(/(产业链|产业|链)$/u, "");
  const wanted = key(value);
  if (wanted === "") return null;
  return chains.find((c) => key(c.name) === wanted) ?? null;
}

/** A code, an industry name, or one of the tenant's chain names (煤化工 → its codes). */
export function resolveIndustryOrChain(value: string, chains: readonly ChainRef[]): IndustryOrChain {
  const chain = findChain(chains, value);
  const [first] = chain?.industryCodes ?? [];
  if (chain && first !== undefined) {
    const industry = resolveIndustry(first);
    const level = industry.status === "ok" ? industry.level : "class";
    return { resolution: { status: "ok", code: first, name: chain.name, level, matchedBy: "chain" }, codes: [...chain.industryCodes], chain };
  }
  const resolution = resolveIndustry(value);
  return { resolution, codes: resolution.status === "ok" ? [resolution.code] : [], chain: null };
}
