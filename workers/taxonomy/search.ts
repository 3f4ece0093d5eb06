/**
 * Browsing and searching a taxonomy: by code prefix when the query looks like a code, otherwise by
 * name or alias substring. Scans (a taxonomy is 2,000–3,000 entries); exact matches come first,
 * then prefix matches, then the rest, each group in hierarchical order.
 */
import { taxonomyOf } from "./data.ts";
import { normalizeKey, occupationCodePrefix, parseRegionCode } from "./normalize.ts";
import type { TaxonomyKind, TaxonomyLevel, TaxonomyNode } from "./types.ts";

export interface SearchOptions {
  limit: number;
  offset: number;
  /** Only entries of this level. */
  level?: TaxonomyLevel;
  /** Only direct children of this code. */
  parent?: string;
}

export interface SearchResult {
  rows: TaxonomyNode[];
  /** How many entries match in all, for paging. */
  total: number;
}

const EXACT = 0;
const PREFIX = 1;
const CONTAINS = 2;
type Rank = typeof EXACT | typeof PREFIX | typeof CONTAINS;

type Ranker = (node: TaxonomyNode, keys: readonly string[]) => Rank | null;

function byCodePrefix(prefix: string, section?: string): Ranker {
  return (node) => {
    if (section !== undefined && node.section !== section) return null;
    if (node.code === prefix) return EXACT;
    return node.code.startsWith(prefix) ? PREFIX : null;
  };
}

function byName(key: string): Ranker {
  return (_node, keys) => {
    let best: Rank | null = null;
    for (const k of keys) {
      const rank = k === key ? EXACT : k.startsWith(key) ? PREFIX : k.includes(key) ? CONTAINS : null;
      if (rank !== null && (best === null || rank < best)) best = rank;
    }
    return best;
  };
}

/** How a query ranks entries of a kind: a code form by prefix, anything else by name. */
function rankerFor(kind: TaxonomyKind, q: string): Ranker | null {
  const text = q.normalize("NFKC").trim().toUpperCase();
  if (text === "") return null;
  if (kind === "industries") {
    const section = /^([A-T])$/.exec(text)?.[1];
    if (section) return (node) => (node.code === section ? EXACT : node.section === section ? PREFIX : null);
    const code = /^([A-T])?(\d{1,4})$/.exec(text);
    if (code?.[2]) return byCodePrefix(code[2], code[1]);
  }
  if (kind === "occupations") {
    const prefix = occupationCodePrefix(text);
    if (prefix) return byCodePrefix(prefix);
  }
  if (kind === "regions" && /^\d{1,6}$/.test(text)) {
    // 150600, the 6-digit form of city 1506, searches as 1506.
    const known = text.length === 6 ? parseRegionCode(text)?.find((c) => taxonomyOf("regions").byCode.has(c)) : undefined;
    return byCodePrefix(known ?? text);
  }
  const key = normalizeKey(text);
  return key === "" ? null : byName(key);
}

/** A page of entries of `kind` matching `q` (all entries when `q` is empty), with the total count. */
export function searchTaxonomy(kind: TaxonomyKind, q: string | undefined, opts: SearchOptions): SearchResult {
  const tax = taxonomyOf(kind);
  const ranker = rankerFor(kind, q ?? "");
  const groups: TaxonomyNode[][] = [[], [], []];
  tax.nodes.forEach((node, i) => {
    if (opts.level !== undefined && node.level !== opts.level) return;
    if (opts.parent !== undefined && node.parent !== opts.parent) return;
    const rank = ranker ? ranker(node, tax.keys[i] ?? []) : EXACT;
    if (rank !== null) groups[rank]?.push(node);
  });
  const all = groups.flat();
  return { rows: all.slice(opts.offset, opts.offset + opts.limit), total: all.length };
}
