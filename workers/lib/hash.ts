/**
 * A fast, synchronous 64-bit content fingerprint (two independent 32-bit FNV-1a lanes): for
 * telling an unchanged row from a changed one on re-import, where SHA-256 through WebCrypto (async,
 * per row) cost more than the database writes. Not for anything an attacker chooses to collide.
 */
export function fingerprint64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
