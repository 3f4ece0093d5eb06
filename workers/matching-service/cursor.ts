import { decodeToken, encodeToken, invalidCursor } from "../lib/cursor.ts";

/** A position in a ranking: after the entry with this score and id (rankings sort by score desc, id asc). */
export interface RankCursor {
  score: number;
  id: string;
}

export function encodeRankCursor(c: RankCursor): string {
  return encodeToken({ s: c.score, i: c.id });
}

export function decodeRankCursor(cursor: string): RankCursor {
  const v = decodeToken(cursor);
  if (v && typeof v.s === "number" && typeof v.i === "string" && v.i.length < 100) return { score: v.s, id: v.i };
  throw invalidCursor();
}

/** The page after `cursor` of a ranking, and the cursor of the next page. */
export function pageRanking<T extends { score: number; id: string }>(
  ranked: T[],
  limit: number,
  cursor: string | undefined,
): { items: T[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    const after = decodeRankCursor(cursor);
    start = ranked.findIndex((r) => r.score < after.score || (r.score === after.score && r.id > after.id));
    if (start < 0) start = ranked.length;
  }
  const items = ranked.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start + limit < ranked.length;
  return { items, nextCursor: more && last ? encodeRankCursor({ score: last.score, id: last.id }) : null };
}
