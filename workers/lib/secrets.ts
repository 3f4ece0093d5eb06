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

/** Seals and opens secrets the server must recover (webhook signing secrets) with AES-256-GCM. */
export interface SecretBox {
  /** `enc:v1:<key id>:<iv>:<ciphertext>`, base64url, under the current key. */
  seal(plain: string): Promise<string>;
  /** The plain secret; a stored value without the `enc:` prefix is a row from before encryption and is returned as is. */
  open(stored: string): Promise<string>;
  /** What every value sealed under the current key starts with; anything else is sealed again by a reseal pass. */
  currentPrefix(): Promise<string>;
}

const SEALED_PREFIX = "enc:v1:";

function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  const bin = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Whether a configuration value is base64 of exactly 32 bytes (an AES-256 key). */
export function isSecretsKey(value: string): boolean {
  try {
    return /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && fromBase64(value).length === 32;
  } catch {
    return false;
  }
}

/** A new AES-256 key, base64: what the embedded default generates into `.data/credentials.json`. */
export function newSecretsKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

interface LoadedKey {
  id: string;
  key: CryptoKey;
}

async function loadKey(b64: string): Promise<LoadedKey> {
  const raw = fromBase64(b64);
  // The id names the key without revealing it: 8 hex digits of its SHA-256.
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", raw));
  const id = Array.from(digest.slice(0, 4), (b) => b.toString(16).padStart(2, "0")).join("");
  return { id, key: await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]) };
}

/**
 * A box over the current key and, during a rotation, the previous one. Each ciphertext names its
 * key by id, so old ciphertexts still open. Keys are imported on first use (WebCrypto is async).
 */
export function createSecretBox(current: string, previous?: string): SecretBox {
  let loaded: Promise<{ now: LoadedKey; keys: Map<string, CryptoKey> }> | null = null;
  const keys = () => {
    loaded ??= Promise.all([loadKey(current), previous ? loadKey(previous) : null]).then(([now, old]) => {
      const all = new Map([[now.id, now.key]]);
      if (old && !all.has(old.id)) all.set(old.id, old.key);
      return { now, keys: all };
    });
    return loaded;
  };
  const aad = (id: string) => new TextEncoder().encode(id);
  return {
    async seal(plain) {
      const { now } = await keys();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: aad(now.id) }, now.key, new TextEncoder().encode(plain));
      return `${SEALED_PREFIX}${now.id}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ct))}`;
    },
    async open(stored) {
      if (!stored.startsWith(SEALED_PREFIX)) return stored;
      const [id = "", iv = "", ct = ""] = stored.slice(SEALED_PREFIX.length).split(":");
      const key = (await keys()).keys.get(id);
      if (!key) throw new Error(`secret sealed under unknown key id '${id}'; set WUTONG_SECRETS_KEY_PREVIOUS to the key it was sealed with`);
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(iv), additionalData: aad(id) }, key, fromBase64(ct));
      return new TextDecoder().decode(plain);
    },
    async currentPrefix() {
      return `${SEALED_PREFIX}${(await keys()).now.id}:`;
    },
  };
}
