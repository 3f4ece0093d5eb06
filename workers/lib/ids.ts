const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ID_PREFIXES = {
  tenant: "ten",
  organization: "org",
  apiKey: "key",
  audit: "aud",
  request: "req",
  talent: "tal",
  demand: "dem",
  catalog: "cat",
  import: "imp",
  message: "msg",
  introduction: "int",
  reveal: "rev",
  suggestion: "sug",
  allocation: "alc",
  event: "evt",
  project: "prj",
  signup: "sgn",
  meeting: "mtg",
  meetingRequest: "mrq",
  meetingPlan: "mpl",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/**
 * A prefixed, time-ordered id: `org_` + 10 characters of milliseconds + 16 random characters
 * (Crockford base32, 80 random bits). Sorting ids sorts by creation time, which keeps cursor
 * pagination stable without a separate sort column.
 */
export function newId(kind: IdKind, now: Date = new Date()): string {
  let time = now.getTime();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD.charAt(time % 32) + head;
    time = Math.floor(time / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let tail = "";
  for (const b of bytes) tail += CROCKFORD.charAt(b & 31);
  return `${ID_PREFIXES[kind]}_${head}${tail}`;
}

/** A regex source for ids of a kind, for path parameter validation. */
export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`);
}
