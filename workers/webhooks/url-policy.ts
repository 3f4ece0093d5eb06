/**
 * Which URLs may receive webhooks (SSRF). Only https, and never a host that names this machine or
 * a private network: loopback, private, link-local, CGNAT and unique-local IP literals, and
 * `localhost`, `*.localhost`, `*.internal`, `*.local`. With `allowPrivate` (the
 * `WEBHOOK_ALLOW_PRIVATE_URLS` setting, off by default) such hosts are allowed, over plain http
 * too, for local receivers and tests. A public name that resolves to a private address cannot be
 * caught here: Workers offer no DNS lookup before `fetch`.
 */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use https";
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname.toLowerCase();
  const internal = isInternalHost(host);
  if (internal && !allowPrivate) return `must not point to a private, loopback or link-local address (${host})`;
  if (url.protocol === "http:" && !(internal && allowPrivate)) return "must use https";
  return null;
}

function isInternalHost(host: string): boolean {
  if (host === "localhost" || /\.(localhost|internal|local)\.?$/.test(host)) return true;
  if (host.startsWith("[")) return isInternalIpv6(host.slice(1, -1));
  const v4 = parseIpv4(host);
  return v4 !== null && isInternalIpv4(v4);
}

/** The URL parser already normalizes IPv4 forms (`0x7f.1`, `2130706433`) to dotted quads. */
function parseIpv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function isInternalIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // CGNAT
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast and reserved
  );
}

function isInternalIpv6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "::" || h === "::1") return true;
  const mapped = /^::ffff:(.+)$/.exec(h);
  if (mapped?.[1]) {
    const dotted = parseIpv4(mapped[1]);
    if (dotted) return isInternalIpv4(dotted);
    // The URL parser writes mapped addresses as hex groups: ::ffff:7f00:1.
    const groups = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped[1]);
    if (groups) {
      const hi = parseInt(groups[1] ?? "0", 16);
      const lo = parseInt(groups[2] ?? "0", 16);
      return isInternalIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
    }
    return true;
  }
  return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || /^ff/.test(h);
}
