import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { serve } from "@hono/node-server";
import { ERROR_CODES } from "../errors.ts";
import { newId } from "../lib/ids.ts";
import type { Logger } from "../logger.ts";
import { problem, PROBLEM_CONTENT_TYPE } from "../problem.ts";

export interface ServeOptions {
  port: number;
  hostname: string;
  logger: Logger;
}

type Fetch = (request: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Response | Promise<Response>;

/**
 * The Node entry's HTTP server around the app. Two things the app cannot do from inside a fetch
 * handler: an answer sent before the request body has arrived (413, 401, 415, 400) closes the
 * connection rather than promising keep-alive and then resetting it mid-body; and a request the
 * HTTP parser refuses (a URL or headers over 16 KB, broken framing) gets a problem body like every
 * other error, not Node's bare status line.
 */
export function serveApp(fetch: Fetch, options: ServeOptions, onListening?: (port: number) => void): Server {
  const server = serve(
    {
      fetch: async (request, env) => {
        const bindings = env as { incoming: IncomingMessage; outgoing: ServerResponse };
        const response = await fetch(request, bindings);
        if (await bodyStillArriving(bindings.incoming)) bindings.outgoing.setHeader("connection", "close");
        return response;
      },
      port: options.port,
      hostname: options.hostname,
    },
    (info) => onListening?.(info.port),
  ) as Server;
  // Keep idle connections longer than clients and proxies usually do (Node's default is 5 s), so a
  // client never reuses a connection the server has just closed.
  server.keepAliveTimeout = 65_000;
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket, options.logger));
  return server;
}

/**
 * A body was announced, the app answered without reading it all, and it has not all arrived: the
 * server would have to wait for the rest or reset the socket. (A body already received is drained
 * after the answer, and the connection stays usable.)
 */
async function bodyStillArriving(incoming: IncomingMessage): Promise<boolean> {
  const announced = incoming.headers["transfer-encoding"] !== undefined || Number(incoming.headers["content-length"] ?? 0) > 0;
  if (!announced || incoming.readableEnded) return false;
  // The parser handles bytes that came with the headers after the app's first microtasks: give it
  // one turn so an already-received body counts as complete.
  await new Promise((resolve) => setImmediate(resolve));
  return !incoming.complete;
}

/** Node's parser refused the request before the app saw it: answer with a problem and close. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket, logger: Logger): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    socket.end("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  const requestId = newId("request");
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const body = tooLarge
    ? problem("request_header_fields_too_large", "The request line and headers exceed 16 KB; shorten the URL or send the data in the body.", requestId)
    : problem("invalid_parameter", "The request is not valid HTTP/1.1.", requestId);
  logger.warn("request refused by the HTTP parser", { request_id: requestId, code: err.code, status: body.status });
  const text = JSON.stringify(body);
  const reason = tooLarge ? ERROR_CODES.request_header_fields_too_large.title : "Bad Request";
  socket.end(
    `HTTP/1.1 ${body.status} ${reason}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(text)}\r\n` +
      `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${text}`,
  );
}
