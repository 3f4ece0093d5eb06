import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AllLookup, pinnedSender } from "../../workers/node/webhook-sender.ts";
import { type Receiver, startReceiver } from "./webhooks-receiver.ts";

/**
 * Names that exist only in this table (nothing leaves the machine); each lookup may answer
 * differently, as a rebinding DNS server would.
 */
function table(answers: Record<string, LookupAddress[][]>): AllLookup & { calls: string[] } {
  const calls: string[] = [];
  const lookup: AllLookup = (hostname, _options, callback) => {
    calls.push(hostname);
    const queue = answers[hostname] ?? [];
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (!next) return callback(Object.assign(new Error("not found"), { code: "ENOTFOUND" }), []);
    callback(null, next);
  };
  return Object.assign(lookup, { calls });
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });

describe("the Node webhook sender connects only to the address it checked", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  const request = (url: string) => ({ url, headers: { "content-type": "application/json", "webhook-id": "msg_1" }, body: '{"type":"ping"}', timeoutMs: 2000 });

  it("connects to the looked-up address (a name no real DNS knows reaches the local receiver), sending the body", async () => {
    const lookup = table({ "hr.wutong-test.example": [[v4("127.0.0.1")]] });
    const send = pinnedSender({ allowPrivate: true, lookup });
    const outcome = await send(request(`http://hr.wutong-test.example:${receiver.port}/pinned`));
    expect(outcome).toMatchObject({ kind: "response", status: 200, body: "answer 200" });
    expect(receiver.received.at(-1)).toMatchObject({ path: "/pinned", body: '{"type":"ping"}' });
    expect(lookup.calls).toEqual(["hr.wutong-test.example"]);
  });

  it("refuses at connect time a name that rebinds to loopback after a public answer, without sending anything", async () => {
    const before = receiver.received.length;
    const lookup = table({ "rebind.wutong-test.example": [[v4("93.184.216.34")], [v4("127.0.0.1")]] });
    // The first answer (what a check before sending sees) is public…
    const first = await new Promise<LookupAddress[]>((done) => lookup("rebind.wutong-test.example", { all: true }, (_e, a) => done(a)));
    expect(first).toEqual([v4("93.184.216.34")]);
    // …the one the connection gets is loopback.
    const send = pinnedSender({ allowPrivate: false, lookup });
    const outcome = await send(request(`http://rebind.wutong-test.example:${receiver.port}/rebind`));
    expect(outcome).toMatchObject({
      kind: "error",
      error: "url refused: rebind.wutong-test.example resolves to 127.0.0.1; must not point to a private, loopback or link-local address (127.0.0.1)",
    });
    expect(receiver.received.length).toBe(before);
  });

  it("refuses a metadata address even with private URLs allowed, and reports a name that does not resolve", async () => {
    const lookup = table({ "meta.wutong-test.example": [[v4("10.0.0.8"), v4("169.254.169.254")]] });
    const send = pinnedSender({ allowPrivate: true, lookup });
    expect(await send(request(`http://meta.wutong-test.example:${receiver.port}/`))).toMatchObject({
      kind: "error",
      error: expect.stringMatching(/^url refused: meta\.wutong-test\.example resolves to 169\.254\.169\.254; must not point to a link-local, metadata/),
    });
    expect(await send(request(`http://gone.wutong-test.example:${receiver.port}/`))).toMatchObject({ kind: "error", error: "connection failed" });
  });

  it("times out like the fetch sender and never follows redirects", async () => {
    const lookup = table({ "slow.wutong-test.example": [[v4("127.0.0.1")]] });
    const send = pinnedSender({ allowPrivate: true, lookup });
    receiver.setBehaviour(() => "hang");
    expect(await send({ ...request(`http://slow.wutong-test.example:${receiver.port}/slow`), timeoutMs: 200 })).toMatchObject({ kind: "error", error: "timeout after 200 ms" });
    receiver.setBehaviour(() => 302);
    expect(await send(request(`http://slow.wutong-test.example:${receiver.port}/moved`))).toMatchObject({ kind: "response", status: 302 });
    receiver.setBehaviour(() => 200);
  });
});
