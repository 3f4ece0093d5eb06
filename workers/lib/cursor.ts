import { InvalidParameterError } from "../errors.ts";

/**
 * Opaque pagination cursors. A cursor carries the last id a page returned (ids sort by creation
 * time) and is base64url so clients treat it as a token, not as something to construct.
 */
export function encodeCursor(lastId: string): string {
  return btoa(JSON.stringify({ after: lastId })).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Decodes a cursor from a query string; a tampered or foreign cursor is a 400, never a 500. */
export function decodeCursor(cursor: string): string {
  try {
    const padded = cursor.replaceAll("-", "+").replaceAll("_", "/");
    const parsed: unknown = JSON.parse(atob(padded));
    if (parsed && typeof parsed === "object" && "after" in parsed && typeof parsed.after === "string" && parsed.after.length < 100) {
      return parsed.after;
    }
  } catch {
    // fall through to the problem below
  }
  throw new InvalidParameterError([{ path: "cursor", message: "Not a cursor returned by this API." }], "The cursor is not valid.");
}

/** Splits a `limit + 1` fetch into a page and the cursor of the next one. */
export function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last ? encodeCursor(last.id) : null };
}
