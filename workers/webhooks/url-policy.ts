/**
 * Which URLs may receive webhooks (SSRF). Every host, literal or resolved, falls in one class:
 * - `public`: allowed over https.
 * - `loopback`, `private` (RFC 1918, CGNAT, unique-local, `*.internal`, `*.local`, single-label
 *   names): allowed only with `WEBHOOK_ALLOW_PRIVATE_URLS`, then over plain http too, for
 *   on-premises receivers and tests.
 * - `forbidden` under every setting: unspecified, link-local (and with it 169.254.169.254), cloud
 *   metadata addresses, multicast, reserved ranges, and IPv6 forms that embed an IPv4 address
 *   (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) unless that address is public.
 * Ports: the scheme's default, or 1024–65535 except well-known internal services. The URL must be
 * ASCII without spaces or control characters (the parser would silently drop CR/LF and tabs).
 */
export type AddressClass = "public" | "loopback" | "private" | "forbidden";

/** Returns the addresses a host name resolves to; injected (node:dns on Node, absent on Workers). */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** Ports of internal services a webhook has no business reaching, even inside the allowed range. */
export const BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1080, 1433, 1521, 2049, 2181, 2375, 2376, 2379, 2380, 3306, 3389, 4369, 5432, 5672, 5984, 6379, 6443, 8500, 9042, 9092, 9200, 9300, 10250, 10255,
  11211, 15672, 27017, 27018, 50070,
]);

/** Cloud metadata services reachable at addresses that are otherwise public or private. */
const METADATA_V4 = new Set(["100.100.100.200"]); // Alibaba Cloud (169.254.169.254 is link-local)
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata.tencentyun.com", "metadata"]);

// eslint-disable-next-line no-control-regex -- matching control characters is the point: the URL parser drops CR, LF and tabs silently.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

/** Why `raw` may not receive webhooks, or null when it may. Messages are shown to the caller. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL";
  }
  if (CONTROL_OR_SPACE.test(raw)) return "must not contain spaces or control characters";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use https";
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname.replace(/\.+$/, "");
  const cls = hostClass(host);
  const refused = classProblem(cls, host, allowPrivate);
  if (refused) return refused;
  if (url.protocol === "http:" && !(cls !== "public" && allowPrivate)) return "must use https";
  if (url.port !== "") {
    const port = Number(url.port);
    if (port < 1024 || BLOCKED_PORTS.has(port)) return `must use port 443 (the default) or 1024–65535 outside internal service ports, not ${port}`;
  }
  return null;
}

/** Why a resolved address of an endpoint's host may not be contacted, or null. */
export function addressProblem(address: string, allowPrivate: boolean): string | null {
  return classProblem(addressClass(address) ?? "forbidden", address, allowPrivate);
}

/** The host part of a URL, as a resolver takes it; null for IP literals (nothing to resolve). */
export function hostToResolve(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/\.+$/, "");
  return addressClass(host) === null ? host : null;
}

function classProblem(cls: AddressClass, host: string, allowPrivate: boolean): string | null {
  if (cls === "forbidden") return `must not point to a link-local, metadata, multicast or reserved address (${host})`;
  if (cls !== "public" && !allowPrivate) return `must not point to a private, loopback or link-local address (${host})`;
  return null;
}

/** The class of a URL host: an IP literal (IPv6 in brackets) or a name. */
export function hostClass(host: string): AddressClass {
  const h = host.toLowerCase();
  const literal = addressClass(h);
  if (literal) return literal;
  if (METADATA_NAMES.has(h)) return "forbidden";
  if (h === "localhost" || h.endsWith(".localhost")) return "loopback";
  if (!h.includes(".") || /\.(internal|local|lan|intranet|home\.arpa)$/.test(h)) return "private";
  return "public";
}

/** The class of an IP address (IPv6 with or without brackets); null when `ip` is not an address. */
export function addressClass(ip: string): AddressClass | null {
  const v4 = parseIpv4(ip);
  if (v4) return ipv4Class(v4);
  const v6 = parseIpv6(ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip);
  return v6 ? ipv6Class(v6) : null;
}

/** Dotted quads only: the URL parser has already turned `0x7f.1`, `2130706433` and `0177.0.0.1` into them. */
function parseIpv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function ipv4Class(parts: number[]): AddressClass {
  const [a = 0, b = 0, c = 0] = parts;
  if (METADATA_V4.has(parts.join("."))) return "forbidden";
  if (a === 0 || a >= 224) return "forbidden"; // "this network", multicast, reserved, broadcast
  if (a === 169 && b === 254) return "forbidden"; // link-local, where 169.254.169.254 lives
  if (a === 192 && b === 0 && c === 0) return "forbidden"; // IETF protocol assignments
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // CGNAT
  if (a === 198 && (b === 18 || b === 19)) return "private"; // benchmarking
  return "public";
}

/** Eight 16-bit groups, or null. Accepts `::` compression and a dotted IPv4 tail. */
export function parseIpv6(text: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(":")) return null;
  let tail: number[] = [];
  let head = text;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIpv4(dotted[2] ?? "");
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail = [(a << 8) | b, (c << 8) | d];
    head = (dotted[1] ?? "").endsWith("::") ? (dotted[1] ?? "") : (dotted[1] ?? "").slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (s === "") return [];
    const groups = s.split(":");
    if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const left = parse(halves[0] ?? "");
  const right = halves.length === 2 ? parse(halves[1] ?? "") : [];
  if (!left || !right) return null;
  const known = left.length + right.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...left, ...Array<number>(8 - known).fill(0), ...right, ...tail];
}

function ipv6Class(g: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const v4 = (hi: number, lo: number): number[] => [hi >> 8, hi & 255, lo >> 8, lo & 255];
  const zeroTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(7) && g7 === 0) return "forbidden"; // ::
  if (zeroTo(7) && g7 === 1) return "loopback"; // ::1
  // Forms that carry an IPv4 address: reaching it this way is only fine when it is public.
  let embedded: number[][] = [];
  if (zeroTo(5) && g5 === 0xffff) embedded = [v4(g6, g7)]; // IPv4-mapped ::ffff:a.b.c.d
  else if (zeroTo(4) && g4 === 0xffff && g5 === 0) embedded = [v4(g6, g7)]; // IPv4-translated
  else if (zeroTo(6)) embedded = [v4(g6, g7)]; // IPv4-compatible ::a.b.c.d
  else if (g0 === 0x64 && g1 === 0xff9b) embedded = [v4(g6, g7)]; // NAT64, well-known and local-use prefixes
  else if (g0 === 0x2002) embedded = [v4(g1, g2)]; // 6to4
  else if (g0 === 0x2001 && g1 === 0) embedded = [v4(g2, g3), v4(~g6 & 0xffff, ~g7 & 0xffff)]; // Teredo server and client
  if (embedded.length > 0) return embedded.every((a) => ipv4Class(a) === "public") ? "public" : "forbidden";
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return "forbidden"; // AWS metadata
  if ((g0 & 0xff00) === 0xff00) return "forbidden"; // multicast
  if ((g0 & 0xffc0) === 0xfe80) return "forbidden"; // link-local
  if (g0 === 0x2001 && g1 === 0x0db8) return "forbidden"; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return "forbidden"; // discard-only
  if ((g0 & 0xffc0) === 0xfec0) return "private"; // deprecated site-local
  if ((g0 & 0xfe00) === 0xfc00) return "private"; // unique-local
  return "public";
}
