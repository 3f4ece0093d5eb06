/** Region names: placeholders never match, suffixes may be left out, and a name may carry its parents (北京市朝阳区). */
import type { Taxonomy } from "./build.ts";
import { decide, shortNameTier, type Tier } from "./decide.ts";
import { shortRegionName } from "./normalize.ts";
import type { RegionLevel, Resolution, TaxonomyNode } from "./types.ts";

type Node = TaxonomyNode<RegionLevel>;
type Accept = (node: Node) => boolean;

/** Shortest name a prefix or a remainder can be (北京, 东区). */
const MIN_PART = 2;

function nameTiers(tax: Taxonomy<RegionLevel>, key: string): Tier<RegionLevel>[] {
  return [{ by: "name", nodes: tax.byName.get(key) ?? [] }, { ...shortNameTier(tax, key, shortRegionName), preferGeneral: true }];
}

/** Entries named `key` directly below the province or city `scope`, then below that, two levels at most. */
function within(tax: Taxonomy<RegionLevel>, scope: Node, key: string, accept: Accept, depth: number): Node[] {
  const inside = (n: Node) => n.code !== scope.code && n.code.startsWith(scope.code) && accept(n);
  const direct = decide(nameTiers(tax, key), { accept: inside });
  if (direct?.status === "ok") return [direct.code].flatMap((code) => tax.byCode.get(code) ?? []);
  if (direct?.status === "ambiguous") return direct.candidates.flatMap((c) => tax.byCode.get(c.code) ?? []);
  return depth > 1 ? qualified(tax, key, inside, depth - 1, scope.code) : [];
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
    const parents = nameTiers(tax, head)
      .flatMap((t) => t.nodes)
      .filter((n) => n.level !== "area" && n.code.startsWith(scope));
    for (const parent of new Set(parents)) {
      for (const node of within(tax, parent, rest, accept, depth)) if (!found.includes(node)) found.push(node);
    }
  }
  return found;
}

/** Resolves a region name (codes are handled by the caller) under a hard `accept` and a soft `prefer`. */
export function resolveRegionName(tax: Taxonomy<RegionLevel>, key: string, accept: Accept, prefer: Accept): Resolution<RegionLevel> | null {
  const simple = decide(nameTiers(tax, key), { accept, prefer });
  if (simple) return simple;
  return decide([{ by: "qualified_name", nodes: qualified(tax, key, accept, 2) }], { prefer });
}
