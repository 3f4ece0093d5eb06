import { lookup } from "node:dns/promises";
import type { HostResolver } from "../webhooks/url-policy.ts";

/** Every address the system resolver gives for a host (A and AAAA, as `fetch` would try them). */
export const systemResolver: HostResolver = async (hostname) => {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((r) => r.address);
};
