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
  webhookEndpoint: "whe",
  webhookDelivery: "whd",
  industryChain: "ich",
  invitation: "inv",
  contactChange: "ccr",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** The last id's time and random digits, so ids made in the same millisecond keep increasing. */
let lastMs = -1;
const lastTail: number[] = new Array<number>(16).fill(0);

/**
 * A prefixed, time-ordered id: `org_` + 10 characters of milliseconds + 16 characters (Crockford
 * base32, 80 bits) that are random for the first id of a millisecond and incremented after it.
 * Sorting ids sorts by creation time, which keeps cursor pagination stable without a separate sort
 * column; and an import's thousands of rows made in one millisecond get increasing ids, so they
 * are appended to the indexes rather than scattered through them (half the file size).
 */
export function newId(kind: IdKind, now: Date = new Date()): string {
  const ms = now.getTime();
  let time = ms;
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD.charAt(time % 32) + head;
    time = Math.floor(time / 32);
  }
  if (ms === lastMs) {
    for (let i = 15; i >= 0; i--) {
      const next = (lastTail[i] ?? 0) + 1;
      lastTail[i] = next & 31;
      if (next < 32) break;
    }
  } else {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    // The top bit stays clear, leaving room to increment without wrapping.
    bytes.forEach((b, i) => (lastTail[i] = i === 0 ? b & 15 : b & 31));
    lastMs = ms;
  }
  let tail = "";
  for (const d of lastTail) tail += CROCKFORD.charAt(d);
  return `${ID_PREFIXES[kind]}_${head}${tail}`;
}

/** A regex source for ids of a kind, for path parameter validation. */
export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`);
}
