import fc from "fast-check";

/** Strings that have broken parsers, databases and encoders before. */
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "😀👩‍👩‍👧‍👦🇨🇳",
  "\u202eabc\u202c",
  "مرحبا بالعالم",
  "\ufeff",
  "\u200b",
  "e\u0301",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "0x10",
  "1.5",
  "true",
  "[]",
  "{}",
  "%",
  "%00",
  "%zz",
  "../../etc/passwd",
  "'; DROP TABLE demands; --",
  "\" OR 1=1 --",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "\\",
  "\r\n",
  "__proto__",
  "constructor",
  "煤化工".repeat(40),
  "0000-00-00T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-07-18T25:61:00Z",
  "+275760-09-13T00:00:00.000Z",
  "9999Q4",
  "0000Q1",
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 70_000).map((n) => "字".repeat(n)) },
);

/** A value of any JSON type that is probably wrong where it lands. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  nastyString,
  fc.constantFrom(-1, 0, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.oneof(fc.integer(), nastyString, fc.constant(null)), { maxLength: 3 }),
  fc.constantFrom<unknown>({}, { a: 1 }, JSON.parse('{"__proto__":{"polluted":true}}'), [[[[]]]], [{}]),
  fc.jsonValue({ maxDepth: 3 }),
);

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A well-formed id of `prefix` that names nothing. */
export function unknownId(prefix: string): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...CROCKFORD), minLength: 26, maxLength: 26 }).map((tail) => `${prefix}_${tail}`);
}

/** Ids that are wrong in form or kind. */
export function badId(prefix: string): fc.Arbitrary<string> {
  return fc.oneof(
    nastyString.filter((s) => s.length > 0),
    fc.constantFrom(`${prefix}_`, `${prefix}_01JD6Z0M8Q7W3K2V9X4T5R6Y7`, `${prefix}_01JD6Z0M8Q7W3K2V9X4T5R6Y7ZZ`, `${prefix}_01jd6z0m8q7w3k2v9x4t5r6y7z`),
    fc.constantFrom(`${prefix.toUpperCase()}_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z`, `${prefix}_01JD6Z0M8Q7W3K2V9X4T5R6YIL`, `${prefix}-01JD6Z0M8Q7W3K2V9X4T5R6Y7Z`),
    fc.constantFrom("ten", "org", "tal", "dem", "cat", "evt", "prj", "sgn", "whe", "int", "sug", "alc", "whd").map((p) => `${p}_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z`),
  );
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

const CURSOR_FORGERIES: fc.Arbitrary<string>[] = [
  nastyString,
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => base64url(JSON.stringify(v))),
  fc
    .record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), t: fc.oneof(fc.string(), fc.integer()), s: fc.oneof(fc.double(), fc.string()), o: fc.integer() }, { requiredKeys: [] })
    .map((v) => base64url(JSON.stringify(v))),
  fc.constantFrom("eyJ", "e30", "W10", "bnVsbA", "eyJpZCI6IiJ9", "=====", "e30=", "%FF"),
];

/**
 * Cursors a client could forge or mangle: wrong encodings, wrong shapes inside a right encoding,
 * and real cursors of one route sent to another or with a character changed.
 */
export function badCursor(real: readonly string[]): fc.Arbitrary<string> {
  const harvested =
    real.length === 0
      ? []
      : [
          fc.constantFrom(...real),
          fc.tuple(fc.constantFrom(...real), fc.nat(), fc.constantFrom("A", "z", "-", "_", "=", "0")).map(([c, i, ch]) => c.slice(0, i % c.length) + ch + c.slice((i % c.length) + 1)),
          fc.tuple(fc.constantFrom(...real), fc.jsonValue({ maxDepth: 2 })).map(([c, v]) => {
            const decoded = JSON.parse(Buffer.from(c, "base64url").toString("utf8")) as Record<string, unknown>;
            const key = Object.keys(decoded)[0] ?? "x";
            return base64url(JSON.stringify({ ...decoded, [key]: v }));
          }),
        ];
  return fc.oneof(...harvested, ...CURSOR_FORGERIES);
}


/** Query values by their schema's type: numbers out of range and not numbers at all. */
export const badQueryValue: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  fc.constantFrom("-1", "0", "101", "1000000", "1e3", "1e309", "-0", "00001", " 5", "5 ", "5.5", "0x1F", "Infinity", "NaN", "", "true"),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Bodies that are not the JSON the route wants. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", "{", "}", "[", "{\"a\":", "{'a':1}", "{\"a\":1,}", "[1,]", "nul", "tru", "{\"a\":NaN}", "\u0000", "\ufeff{}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}"),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(1, 5_000).map((n) => "[".repeat(n)),
);

/** Valid JSON that is not an object. */
export const nonObjectJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("null", "0", "-1", "\"text\"", "true", "[]", "[{}]", "1e400"),
  fc.constantFrom(1_000, 10_000).map((n) => "[".repeat(n) + "]".repeat(n)),
  fc.constantFrom(1_000).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)),
);

export const wrongContentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  "",
  "text/plain",
  "text/csv",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "application/jsonx",
  "json",
  "application/json; charset=gbk",
  "APPLICATION/JSON",
  "application/merge-patch+json",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "*/*",
);

/** Header values the Fetch API can carry (Latin-1, no NUL or line breaks) that are odd in every other way. */
export const oddHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.constantFrom("", " ", "x".repeat(300), "x".repeat(10_000), "Ã©", "null"),
);

/** Bearer values that are not a working key. */
export const badAuthorization: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("Bearer", "Bearer ", "bearer wt_x", "Basic dXNlcjpwYXNz", "Bearer wt_", "Bearer wtop_", "Token abc", "Bearer  wt_abc", "Bearer wt_" + "a".repeat(5_000)),
  oddHeaderValue.map((v) => `Bearer ${v}`),
  oddHeaderValue,
);

/** Encodes a path or query value the way a careless or hostile client would: lone surrogates become the bytes of their code unit. */
export function encode(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

/** Bytes for file-import routes: text, binary, GBK, and zip-like junk that an XLSX reader must refuse calmly. */
export const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  fc.constantFrom("标题,城市\n煤化工工程师,1506\n", "\ufeff岗位名称,需求人数\n工程师,abc\n", "a,b\n\"unclosed,1\n", ",,,\n,,,\n", "x".repeat(2000)).map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 300 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
  fc.uint8Array({ maxLength: 60 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0), ...tail])),
  fc.constantFrom(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x31, 0x0a]), new Uint8Array([0xff, 0xfe, 0x00, 0x00]), new Uint8Array([0xef, 0xbb, 0xbf])),
);
