import { InvalidParameterError } from "../errors.ts";

/** A position in a ranking: after the entry with this score and id (rankings sort by score desc, id asc). */
export interface RankCursor {
  score: number;
  id: string;
}

export function encodeRankCursor(c: RankCursor): string {
  return btoa(JSON.stringify({ s: c.score, i: c.id })).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeRankCursor(cursor: string): RankCursor {
  try {
    const v: unknown = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
    if (v && typeof v === "object" && "s" in v && "i" in v && typeof v.s === "number" && typeof v.i === "string" && v.i.length < 100) {
      return { score: v.s, id: v.i };
    }
  } catch {
    // fall through
  }
  throw new InvalidParameterError([{ path: "cursor", message: "Not a cursor returned by this API." }], "The cursor is not valid.");
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
