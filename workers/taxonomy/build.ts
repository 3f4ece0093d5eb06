/**
 * Turns the taxonomy rows into what look-ups need: entries in hierarchical order with their paths,
 * and maps from code, name, short name and alias, so resolving one name is a few map reads.
 */
import { normalizeKey } from "./normalize.ts";
import { buildSuggestIndex, type SuggestIndex } from "./suggest.ts";
import type { CodeName, TaxonomyKind, TaxonomyLevel, TaxonomyNode } from "./types.ts";

/** A row as stored in data/taxonomy/*.json (regions get their level and parent from the file they come from). */
export interface RawRow {
  code: string;
  name: string;
  parent: string | null;
  level: string;
  aliases?: readonly string[];
  section?: string;
}

export type Lookup<L extends TaxonomyLevel> = ReadonlyMap<string, readonly TaxonomyNode<L>[]>;

/** One taxonomy, indexed. Immutable once built. */
export interface Taxonomy<L extends TaxonomyLevel> {
  readonly kind: TaxonomyKind;
  /** Entries in hierarchical (pre-)order: every parent before its children, siblings by code. */
  readonly nodes: readonly TaxonomyNode<L>[];
  readonly byCode: ReadonlyMap<string, TaxonomyNode<L>>;
  /** Normalized full name → entries. Placeholder names (市辖区) are left out. */
  readonly byName: Lookup<L>;
  /** Normalized name without its usual suffix → entries. */
  readonly byShortName: Lookup<L>;
  /** Normalized alias, and each `/`-separated part of one → entries (occupations). */
  readonly byAlias: Lookup<L>;
  /** Per entry (same index as `nodes`): its normalized name, then its normalized aliases. */
  readonly keys: readonly (readonly string[])[];
  readonly suggest: SuggestIndex;
}

export interface TaxonomySpec<L extends TaxonomyLevel> {
  kind: TaxonomyKind;
  rows: readonly RawRow[];
  levels: readonly L[];
  /** Sorts entries into hierarchical order. */
  sortKey: (row: RawRow) => string;
  /** The stem of a normalized name without its usual suffix. */
  shortName: (key: string) => string;
  /** Whether an entry's name may match by itself (false for 市辖区). */
  nameable?: (row: RawRow) => boolean;
}

function push<L extends TaxonomyLevel>(map: Map<string, TaxonomyNode<L>[]>, key: string, node: TaxonomyNode<L>): void {
  if (key === "") return;
  const list = map.get(key);
  if (!list) map.set(key, [node]);
  else if (!list.includes(node)) list.push(node);
}

function levelOf<L extends TaxonomyLevel>(levels: readonly L[], row: RawRow): L {
  const level = levels.find((l) => l === row.level);
  if (level === undefined) throw new Error(`taxonomy row ${row.code} has unknown level ${row.level}`);
  return level;
}

/** Indexes a taxonomy. Throws on a row whose level or parent is not in the data: a build bug, not input. */
export function buildTaxonomy<L extends TaxonomyLevel>(spec: TaxonomySpec<L>): Taxonomy<L> {
  const sorted = spec.rows.map((row) => ({ row, key: spec.sortKey(row) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rowByCode = new Map(spec.rows.map((r) => [r.code, r]));
  const paths = new Map<string, CodeName[]>();
  const pathOf = (row: RawRow): CodeName[] => {
    const known = paths.get(row.code);
    if (known) return known;
    let path: CodeName[] = [];
    if (row.parent !== null) {
      const parent = rowByCode.get(row.parent);
      if (!parent) throw new Error(`taxonomy row ${row.code} has unknown parent ${row.parent}`);
      path = [...pathOf(parent), { code: parent.code, name: parent.name }];
    }
    paths.set(row.code, path);
    return path;
  };

  const nodes: TaxonomyNode<L>[] = [];
  const keys: string[][] = [];
  const byCode = new Map<string, TaxonomyNode<L>>();
  const byName = new Map<string, TaxonomyNode<L>[]>();
  const byShortName = new Map<string, TaxonomyNode<L>[]>();
  const byAlias = new Map<string, TaxonomyNode<L>[]>();
  for (const { row } of sorted) {
    const node: TaxonomyNode<L> = {
      code: row.code,
      name: row.name,
      level: levelOf(spec.levels, row),
      parent: row.parent,
      path: pathOf(row),
      ...(row.aliases && row.aliases.length > 0 ? { aliases: row.aliases } : {}),
      ...(row.section === undefined ? {} : { section: row.section }),
    };
    const nameKey = normalizeKey(row.name);
    const aliasKeys = (row.aliases ?? []).map(normalizeKey);
    nodes.push(node);
    keys.push([nameKey, ...aliasKeys]);
    byCode.set(row.code, node);
    if (spec.nameable && !spec.nameable(row)) continue;
    push(byName, nameKey, node);
    push(byShortName, spec.shortName(nameKey), node);
    for (const alias of row.aliases ?? []) {
      push(byAlias, normalizeKey(alias), node);
      for (const part of alias.split("/")) {
        const key = normalizeKey(part);
        if (key.length >= 2) push(byAlias, key, node);
      }
    }
  }
  // Suggestions are only needed on a miss: their index is built on the first one.
  let index: SuggestIndex | undefined;
  const suggest: SuggestIndex = {
    suggest: (key, accept) => {
      if (!index) {
        const nameable = nodes.map((n, i) => ({ node: n, phrases: keys[i] ?? [] })).filter((e) => byName.get(e.phrases[0] ?? "")?.includes(e.node));
        index = buildSuggestIndex(
          nameable.map((e) => e.node),
          nameable.map((e) => e.phrases),
        );
      }
      return index.suggest(key, accept);
    },
  };
  return { kind: spec.kind, nodes, byCode, byName, byShortName, byAlias, keys, suggest };
}
