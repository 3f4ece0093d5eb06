import type { Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveApp } from "../../workers/node/server.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";

interface Exchange {
  /** Raw bytes received, as latin1. */
  text: string;
  /** How the connection ended: closed by the server, reset, or still open when the test stopped waiting. */
  ended: "closed" | "reset" | "open";
}

/** Writes `chunks` on one TCP connection, `gapMs` apart, and reads until the server closes or `waitMs` pass. */
function exchange(port: number, chunks: string[], opts: { gapMs?: number; waitMs?: number } = {}): Promise<Exchange> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let ended: Exchange["ended"] = "open";
    const finish = () => {
      clearTimeout(timer);
      done({ text, ended });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, opts.waitMs ?? 2000);
    socket.on("data", (d: Buffer) => (text += d.toString("latin1")));
    socket.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "ECONNRESET" || e.code === "EPIPE") ended = "reset";
    });
    socket.on("close", () => {
      if (ended === "open") ended = "closed";
      finish();
    });
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) break;
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, opts.gapMs ?? 150));
      }
    });
  });
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits the HTTP/1.1 responses in a byte stream (bodies framed by Content-Length). */
function responses(text: string): Answer[] {
  const out: Answer[] = [];
  let rest = text;
  while (rest.startsWith("HTTP/1.1 ")) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) break;
    const [statusLine = "", ...lines] = rest.slice(0, end).split("\r\n");
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
    const length = Number(headers["content-length"] ?? 0);
    out.push({ status: Number(statusLine.split(" ")[1]), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

const SECOND = "GET /v1/no-such-route HTTP/1.1\r\nHost: wutong.test\r\n\r\n";

describe("the Node entry's HTTP server on a real socket", () => {
  let t: TestApp;
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    t = await createTestApp({ MAX_BODY_BYTES: "4096" });
    await new Promise<void>((ready) => {
      server = serveApp(t.app.fetch, { port: 0, hostname: "127.0.0.1", logger: { info: () => undefined, warn: () => undefined, error: () => undefined } }, () => ready());
    });
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    t.close();
  });

  it("answers a body over the limit with a 413 problem and Connection: close, then closes instead of resetting later", async () => {
    const head = "POST /v1/talents HTTP/1.1\r\nHost: wutong.test\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n";
    const got = await exchange(port, [head, "x".repeat(64 * 1024), SECOND]);
    const [first, ...more] = responses(got.text);
    expect(first?.status).toBe(413);
    expect(first?.headers.connection).toBe("close");
    expect(JSON.parse(first?.body ?? "{}")).toMatchObject({ code: "payload_too_large", status: 413 });
    // The bytes after the answer are never read as a request: the server closed the connection.
    expect(more).toEqual([]);
    expect(got.ended).not.toBe("open");
  });

  it("closes after an early 401 to a body still arriving, but keeps alive when the whole body was already received", async () => {
    const streaming = await exchange(port, ["POST /v1/talents HTTP/1.1\r\nHost: wutong.test\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"]);
    const [early] = responses(streaming.text);
    expect(early?.status).toBe(401);
    expect(early?.headers.connection).toBe("close");
    expect(streaming.ended).toBe("closed");

    const whole = await exchange(port, ["POST /v1/talents HTTP/1.1\r\nHost: wutong.test\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", SECOND], { waitMs: 700 });
    const [unauthorized, notFound] = responses(whole.text);
    expect(unauthorized?.status).toBe(401);
    expect(unauthorized?.headers.connection).toBe("keep-alive");
    expect(notFound?.status).toBe(404);
    expect(whole.ended).toBe("open");
  });

  it("answers a URL over 16 KB with a 431 problem (not an empty body) and closes", async () => {
    const got = await exchange(port, [`GET /v1/demands?q=${"a".repeat(17_000)} HTTP/1.1\r\nHost: wutong.test\r\n\r\n`]);
    const [answer, ...more] = responses(got.text);
    expect(more).toEqual([]);
    expect(answer?.status).toBe(431);
    expect(answer?.headers["content-type"]).toBe("application/problem+json");
    expect(answer?.headers.connection).toBe("close");
    expect(JSON.parse(answer?.body ?? "{}")).toEqual({
      type: "/problems/request_header_fields_too_large",
      title: "Request header fields too large",
      status: 431,
      detail: "The request line and headers exceed 16 KB; shorten the URL or send the data in the body.",
      code: "request_header_fields_too_large",
      request_id: answer?.headers["x-request-id"],
    });
    expect(got.ended).toBe("closed");
  });

  it("answers a request the HTTP parser refuses with a 400 problem", async () => {
    const got = await exchange(port, ["GET / HTTP/1.1\r\nHost: wutong.test\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"]);
    const [answer] = responses(got.text);
    expect(answer?.status).toBe(400);
    expect(JSON.parse(answer?.body ?? "{}")).toMatchObject({ code: "invalid_parameter", detail: "The request is not valid HTTP/1.1." });
  });
});
