/** Region names: placeholders never match, suffixes may be left out, and a name may carry its parents (北京市朝阳区). */
import type { Taxonomy } from "./build.ts";
import { MUNICIPALITIES, municipalCity } from "./data.ts";
import { decide, shortNameTier, type Tier } from "./decide.ts";
import { shortRegionName } from "./normalize.ts";
import type { RegionLevel, Resolution, TaxonomyNode } from "./types.ts";

type Node = TaxonomyNode<RegionLevel>;
type Accept = (node: Node) => boolean;

/** Shortest name a prefix or a remainder can be (北京, 东区). */
const MIN_PART = 2;

/**
 * A municipality answers as its city (北京市 → 1101, not the province 11) whenever both are
 * acceptable, so 北京市 and 北京市海淀区 land in the same city; `level: "province"` still reaches 11.
 */
function municipalAsCity(nodes: readonly Node[]): Node[] {
  return nodes.filter((n) => !(n.level === "province" && MUNICIPALITIES.has(n.code) && nodes.some((m) => m.code === municipalCity(n.code))));
}

function nameTiers(tax: Taxonomy<RegionLevel>, key: string, accept: Accept): Tier<RegionLevel>[] {
  const short = shortNameTier(tax, key, shortRegionName);
  return [
    { by: "name", nodes: municipalAsCity((tax.byName.get(key) ?? []).filter(accept)) },
    { ...short, nodes: municipalAsCity(short.nodes.filter(accept)), preferGeneral: true },
  ];
}

/** The code prefix of everything inside `scope`: a municipality's city holds the whole municipality (5002's counties too). */
function scopePrefix(scope: Node): string {
  const province = scope.code.slice(0, 2);
  return scope.level === "city" && MUNICIPALITIES.has(province) ? province : scope.code;
}

/** Entries named `key` directly below the province or city `scope`, then below that, two levels at most. */
function within(tax: Taxonomy<RegionLevel>, scope: Node, key: string, accept: Accept, depth: number): Node[] {
  const prefix = scopePrefix(scope);
  const inside = (n: Node) => n.code !== scope.code && n.code !== prefix && n.code.startsWith(prefix) && accept(n);
  const direct = decide(nameTiers(tax, key, inside), { accept: inside });
  if (direct?.status === "ok") return [direct.code].flatMap((code) => tax.byCode.get(code) ?? []);
  if (direct?.status === "ambiguous") return direct.candidates.flatMap((c) => tax.byCode.get(c.code) ?? []);
  return depth > 1 ? qualified(tax, key, inside, depth - 1, prefix) : [];
}

/**
 * 北京市朝阳区, 内蒙古鄂尔多斯东胜区: every split into a province or city name and a remainder
 * named inside it. Returns every entry some split reaches.
 */
function qualified(tax: Taxonomy<RegionLevel>, key: string, accept: Accept, depth: number, scope = ""): Node[] {
  const found: Node[] = [];
  for (let len = key.length - MIN_PART; len >= MIN_PART; len--) {
    const head = key.slice(0, len);
    const rest = key.slice(len);
    const parents = nameTiers(tax, head, (n) => n.level !== "area" && n.code.startsWith(scope)).flatMap((t) => t.nodes);
    for (const parent of new Set(parents)) {
      for (const node of within(tax, parent, rest, accept, depth)) if (!found.includes(node)) found.push(node);
    }
  }
  return found;
}

/**
 * Resolves a region name (codes are handled by the caller) under a hard `accept` and soft
 * `prefer` filters (applied in order). A 新区 that GB/T 2260 knows as a 区 (深圳龙华新区) is tried as one.
 */
export function resolveRegionName(tax: Taxonomy<RegionLevel>, key: string, accept: Accept, prefer: readonly Accept[]): Resolution<RegionLevel> | null {
  for (const form of key.endsWith("新区") ? [key, `${key.slice(0, -2)}区`] : [key]) {
    const simple = decide(nameTiers(tax, form, accept), { accept, prefer });
    if (simple) return simple;
    const compound = decide([{ by: "qualified_name", nodes: qualified(tax, form, accept, 2) }], { prefer });
    if (compound) return compound;
  }
  return null;
}
