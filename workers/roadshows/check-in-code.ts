/** Crockford base32: no I, L, O or U, so a code read aloud or off a badge is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 8;

/** A fresh check-in code: 8 characters × 5 bits = 40 random bits from the platform CSPRNG. */
export function newCheckInCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  let out = "";
  for (const b of bytes) out += ALPHABET.charAt(b & 31);
  return out;
}

/**
 * A typed or scanned code in canonical form, or null if it cannot be one: case, spaces and dashes
 * are ignored, and the letters people confuse with digits read as those digits (O→0, I/L→1).
 */
export function normalizeCheckInCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** `K7Q2M9XA` → `K7Q2-M9XA`, for badges. */
export function formatCheckInCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
