import { InvalidParameterError } from "../errors.ts";

/**
 * Every cursor the API issues is a small JSON object in base64url, so clients treat it as a token,
 * not as something to construct. (ASCII content only: ids, numbers, hex fingerprints.)
 */
export function encodeToken(value: Record<string, unknown>): string {
  return btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The object inside a token, or null when it is not one of ours in form. */
export function decodeToken(cursor: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The 400 for a tampered or foreign cursor (never a 500). */
export function invalidCursor(): InvalidParameterError {
  return new InvalidParameterError([{ path: "cursor", message: "Not a cursor returned by this API." }], "The cursor is not valid.");
}

/** Cursor of a list ordered by id (ids sort by creation time): the last id a page returned. */
export function encodeCursor(lastId: string): string {
  return encodeToken({ after: lastId });
}

/** Decodes a list cursor from a query string. */
export function decodeCursor(cursor: string): string {
  const v = decodeToken(cursor);
  if (v && typeof v.after === "string" && v.after.length < 100) return v.after;
  throw invalidCursor();
}

/** Splits a `limit + 1` fetch into a page and the cursor of the next one. */
export function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last ? encodeCursor(last.id) : null };
}
