/** The one rule set every resolver applies to its candidates, tier by tier. */
import type { Taxonomy } from "./build.ts";
import { normalizeKey } from "./normalize.ts";
import type { Candidate, MatchedBy, Resolution, TaxonomyLevel, TaxonomyNode } from "./types.ts";

/** Candidates found one way (by code, name, short name, alias, qualified name). */
export interface Tier<L extends TaxonomyLevel> {
  by: MatchedBy;
  nodes: readonly TaxonomyNode<L>[];
  /** Keep only the candidates nearest the root (a name said without its suffix means the bigger place). */
  preferGeneral?: boolean;
}

export interface DecideOptions<L extends TaxonomyLevel> {
  /** Hard filter: a candidate that fails it does not exist for this call. */
  accept?: (node: TaxonomyNode<L>) => boolean;
  /** Soft filters, in order: each keeps the candidates that pass it, unless none does. */
  prefer?: ((node: TaxonomyNode<L>) => boolean) | readonly ((node: TaxonomyNode<L>) => boolean)[];
  /** Same-named entries where one contains the others resolve to the most general one (industries, occupations). */
  collapseToAncestor?: boolean;
}

/** Whether `a` is `b` or one of its ancestors. */
export function contains(a: TaxonomyNode, b: TaxonomyNode): boolean {
  return a.code === b.code || b.path.some((p) => p.code === a.code);
}

/** The entry of a candidate list, as an ambiguous resolution lists it. */
export function toCandidate<L extends TaxonomyLevel>(node: TaxonomyNode<L>): Candidate<L> {
  return { code: node.code, name: node.name, level: node.level, path: node.path.map((p) => ({ code: p.code, name: p.name })) };
}

/**
 * The first tier with any acceptable candidate decides: one candidate (after `prefer`, and after
 * collapsing to a containing ancestor when asked) is `ok`, several are `ambiguous`. Null if no tier
 * has an acceptable candidate.
 */
export function decide<L extends TaxonomyLevel>(tiers: Iterable<Tier<L>>, opts: DecideOptions<L>): Resolution<L> | null {
  for (const tier of tiers) {
    let nodes = [...new Set(tier.nodes)].filter((n) => !opts.accept || opts.accept(n));
    if (nodes.length === 0) continue;
    for (const prefer of typeof opts.prefer === "function" ? [opts.prefer] : (opts.prefer ?? [])) {
      const preferred = nodes.filter(prefer);
      if (preferred.length > 0) nodes = preferred;
    }
    if (tier.preferGeneral) {
      const depth = Math.min(...nodes.map((n) => n.path.length));
      nodes = nodes.filter((n) => n.path.length === depth);
    }
    if (opts.collapseToAncestor) {
      const top = nodes.find((a) => nodes.every((b) => contains(a, b)));
      if (top) nodes = [top];
    }
    const [only] = nodes;
    if (only && nodes.length === 1) return { status: "ok", code: only.code, name: only.name, level: only.level, matchedBy: tier.by };
    return { status: "ambiguous", candidates: nodes.map(toCandidate) };
  }
  return null;
}

/**
 * Entries whose short name equals the input's: a suffix the input does carry must be theirs too,
 * so 朝阳区 never reaches 朝阳市 while 朝阳 reaches both.
 */
export function shortNameTier<L extends TaxonomyLevel>(tax: Taxonomy<L>, key: string, shorten: (key: string) => string): Tier<L> {
  const stem = shorten(key);
  const suffix = key.slice(stem.length);
  const nodes = (tax.byShortName.get(stem) ?? []).filter((n) => suffix === "" || normalizeKey(n.name).endsWith(suffix));
  return { by: "short_name", nodes };
}

/** For a code that is not in the taxonomy (or not at the level asked): its nearest acceptable ancestor and that one's first children. */
export function codeSuggestions<L extends TaxonomyLevel>(tax: Taxonomy<L>, code: string, accept?: (n: TaxonomyNode<L>) => boolean): Resolution<L> {
  for (let len = code.length; len >= 1; len--) {
    const near = tax.byCode.get(code.slice(0, len).replace(/-$/, ""));
    if (!near) continue;
    const family = [near, ...tax.nodes.filter((n) => n.parent === near.code)].filter((n) => !accept || accept(n));
    if (family.length > 0) return { status: "unknown", suggestions: family.slice(0, 5).map((n) => ({ code: n.code, name: n.name })) };
  }
  return { status: "unknown", suggestions: [] };
}
