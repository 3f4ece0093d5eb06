import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The status answered, or null when the receiver let the request hang. */
  status: number | null;
}

/** What to do with the n-th request (0-based): answer with a status, or hang until the sender gives up. */
export type Behaviour = (req: { path: string; id: string; n: number }) => number | "hang";

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  setBehaviour(b: Behaviour): void;
  /** Stops listening (connections refused) until `start` again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1, recording every request and answering as told. */
export async function startReceiver(behaviour: Behaviour = () => 200, port = 0): Promise<Receiver> {
  const received: Received[] = [];
  let current = behaviour;
  let server: Server | null = null;
  let bound = port;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const path = req.url ?? "/";
          const outcome = current({ path, id: String(req.headers["webhook-id"] ?? ""), n: received.length });
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
          received.push({ path, headers, body: Buffer.concat(chunks).toString(), status: outcome === "hang" ? null : outcome });
          if (outcome === "hang") return;
          res.writeHead(outcome, { "content-type": "text/plain" });
          res.end(outcome >= 300 && outcome < 400 ? "" : `answer ${outcome}`);
        });
      });
      s.on("error", reject);
      s.listen(bound, "127.0.0.1", () => {
        bound = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.closeAllConnections();
      s.close(() => resolve());
    });
  await listen();
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    received,
    setBehaviour: (b) => {
      current = b;
    },
    stop,
    start: listen,
    close: stop,
  };
}
