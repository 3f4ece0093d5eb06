const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Key prefixes by who holds the key: easy to recognise in a leak scan or a log. */
export const KEY_PREFIX = { tenant: "wt_", operator: "wtop_" } as const;

/** How many characters of a key are kept in clear, to tell keys apart in a list. */
export const DISPLAY_PREFIX_LENGTH = 11;

/** A new secret: the prefix followed by 32 base62 characters (≈190 random bits). */
export function newSecret(prefix: string): string {
  // 62^32 ≈ 2^190; rejection sampling keeps every character uniform.
  let out = prefix;
  while (out.length < prefix.length + 32) {
    for (const b of crypto.getRandomValues(new Uint8Array(48))) {
      if (b < 248 && out.length < prefix.length + 32) out += BASE62.charAt(b % 62);
    }
  }
  return out;
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  let hex = "";
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/** Compares two strings in time that depends only on their lengths, not on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
