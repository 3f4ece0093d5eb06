/** One signed POST, as the runner hands it to a sender. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What came back: a response (any status), or no response at all. */
export type SendOutcome =
  | { kind: "response"; status: number; body: string; latencyMs: number }
  | { kind: "error"; error: string; latencyMs: number };

/** The side effect the runner needs; tests pass a real local receiver or a fake. */
export type HttpSender = (request: WebhookRequest) => Promise<SendOutcome>;

const BODY_EXCERPT_BYTES = 1024;

/**
 * The production sender: `fetch` with a timeout, redirects not followed (a 3xx is a failure, so a
 * receiver cannot bounce deliveries to another host), and at most 1 KB of the response kept.
 */
export const fetchSender: HttpSender = async (request) => {
  const started = Date.now();
  try {
    const res = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = await readExcerpt(res);
    return { kind: "response", status: res.status, body, latencyMs: Date.now() - started };
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    const error = name === "TimeoutError" || name === "AbortError" ? `timeout after ${request.timeoutMs} ms` : "connection failed";
    return { kind: "error", error, latencyMs: Date.now() - started };
  }
};

async function readExcerpt(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < BODY_EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  // Decoding may end inside a character; the replacement character is fine in a log excerpt.
  return new TextDecoder().decode(all.subarray(0, BODY_EXCERPT_BYTES));
}
