import { lookup as systemLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { HttpSender } from "../webhooks/sender.ts";
import { addressProblem } from "../webhooks/url-policy.ts";

const BODY_EXCERPT_BYTES = 1024;

/** How names become addresses; `node:dns` lookup by default, a fixed table in tests. */
export type AllLookup = (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

class RefusedAddress extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * The Node entry's webhook sender: like `fetchSender` (timeout, redirects never followed, 1 KB of
 * the answer kept), but the connection goes to the very address that was checked. The socket's
 * own DNS lookup refuses private, loopback and metadata addresses, so a name that resolves to a
 * public address when checked and to 127.0.0.1 a moment later (DNS rebinding) is still refused.
 */
export function pinnedSender(options: { allowPrivate: boolean; lookup?: AllLookup }): HttpSender {
  const resolveAll: AllLookup = options.lookup ?? ((host, opts, cb) => systemLookup(host, opts, cb));
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolveAll(hostname, { family: lookupOptions.family ?? 0, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      for (const a of addresses) {
        const problem = addressProblem(a.address, options.allowPrivate);
        if (problem) return callback(new RefusedAddress(`${hostname} resolves to ${a.address}; ${problem}`), "", 0);
      }
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }), "", 0);
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if (lookupOptions.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
  return (req) => {
    const started = Date.now();
    return new Promise((done) => {
      const send = req.url.startsWith("https:") ? httpsRequest : httpRequest;
      const outgoing = send(req.url, { method: "POST", headers: { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) }, lookup, signal: AbortSignal.timeout(req.timeoutMs) });
      outgoing.on("response", (res: IncomingMessage) => {
        readExcerpt(res).then((body) => done({ kind: "response", status: res.statusCode ?? 0, body, latencyMs: Date.now() - started }));
      });
      outgoing.on("error", (err: Error) => {
        const error =
          err instanceof RefusedAddress
            ? `url refused: ${err.reason}`
            : err.name === "TimeoutError" || err.name === "AbortError"
              ? `timeout after ${req.timeoutMs} ms`
              : "connection failed";
        done({ kind: "error", error, latencyMs: Date.now() - started });
      });
      outgoing.end(req.body);
    });
  };
}

function readExcerpt(res: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      res.destroy();
      // Decoding may end inside a character; the replacement character is fine in a log excerpt.
      done(Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES).toString("utf8"));
    };
    res.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= BODY_EXCERPT_BYTES) finish();
    });
    res.on("end", finish);
    res.on("error", finish);
  });
}
