/**
 * Offset cursors for taxonomy lists. The data is static, so an offset is stable; the cursor also
 * carries a fingerprint of the query, so a cursor replayed against another query is refused.
 */
import { InvalidParameterError } from "../errors.ts";

/** Offsets beyond this are not cursors we issued (no taxonomy is that large). */
const MAX_OFFSET = 1_000_000;

/** A short, stable fingerprint (FNV-1a, 32 bits) of the query a cursor belongs to. */
export function queryFingerprint(parts: readonly (string | undefined)[]): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(parts)) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The opaque cursor of the page starting at `offset` of the query `fingerprint`. */
export function encodeOffsetCursor(offset: number, fingerprint: string): string {
  return btoa(JSON.stringify({ o: offset, q: fingerprint })).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The offset a cursor carries; a tampered cursor, or one from another query, is a 400. */
export function decodeOffsetCursor(cursor: string, fingerprint: string): number {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/")));
    if (
      parsed &&
      typeof parsed === "object" &&
      "o" in parsed &&
      "q" in parsed &&
      Number.isSafeInteger(parsed.o) &&
      typeof parsed.o === "number" &&
      parsed.o > 0 &&
      parsed.o <= MAX_OFFSET &&
      parsed.q === fingerprint
    ) {
      return parsed.o;
    }
  } catch {
    // fall through to the problem below
  }
  throw new InvalidParameterError([{ path: "cursor", message: "Not a cursor returned by this API." }], "The cursor is not valid.");
}
