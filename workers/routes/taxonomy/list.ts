import { z } from "@hono/zod-openapi";
import { decodeOffsetCursor, encodeOffsetCursor, queryFingerprint } from "../../taxonomy/cursor.ts";
import { searchTaxonomy } from "../../taxonomy/search.ts";
import type { TaxonomyKind, TaxonomyLevel, TaxonomyNode } from "../../taxonomy/types.ts";
import { PaginationQuery } from "../shared.ts";

/** The query every taxonomy list accepts: `q`, `limit`, `cursor` (and a per-kind `level`). */
export const SearchQuery = PaginationQuery.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({
      param: { name: "q", in: "query" },
      description: "A code prefix (`26`, `2-02-09`, `1506`) or part of a name or alias; exact matches first, then prefixes. Omit to browse.",
      example: "化学",
    }),
});

export interface ListQuery {
  q?: string | undefined;
  level?: TaxonomyLevel | undefined;
  parent?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** One page of a taxonomy search, mapped, with the cursor of the next page. */
export function listPage<T>(kind: TaxonomyKind, query: ListQuery, map: (node: TaxonomyNode) => T): { data: T[]; next_cursor: string | null } {
  const fingerprint = queryFingerprint([kind, query.q ?? "", query.level, query.parent]);
  const offset = query.cursor ? decodeOffsetCursor(query.cursor, fingerprint) : 0;
  const { rows, total } = searchTaxonomy(kind, query.q, { offset, limit: query.limit, level: query.level, parent: query.parent });
  const next = offset + query.limit;
  return { data: rows.map(map), next_cursor: next < total ? encodeOffsetCursor(next, fingerprint) : null };
}

/** Every tenant role may read reference data. */
export const READERS = ["admin", "organizer", "enterprise", "talent"] as const;
