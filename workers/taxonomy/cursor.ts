/**
 * Offset cursors for taxonomy lists. The data is static, so an offset is stable; the cursor also
 * carries a fingerprint of the query, so a cursor replayed against another query is refused.
 */
import { decodeToken, encodeToken, invalidCursor } from "../lib/cursor.ts";

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
  return encodeToken({ o: offset, q: fingerprint });
}

/** The offset a cursor carries; a tampered cursor, or one from another query, is a 400. */
export function decodeOffsetCursor(cursor: string, fingerprint: string): number {
  const v = decodeToken(cursor);
  if (v && typeof v.o === "number" && Number.isSafeInteger(v.o) && v.o > 0 && v.o <= MAX_OFFSET && v.q === fingerprint) return v.o;
  throw invalidCursor();
}
