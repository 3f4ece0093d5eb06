import { describe, expect, it } from "vitest";
import { systemResolver } from "../../workers/node/resolver.ts";
import { addressClass, addressProblem, hostClass, urlProblem } from "../../workers/webhooks/url-policy.ts";

const PRIVATE = /must not point to a private, loopback or link-local address/;
const FORBIDDEN = /must not point to a link-local, metadata, multicast or reserved address/;
const PORT = /must use port 443/;

/** [url, refused without the setting, refused with WEBHOOK_ALLOW_PRIVATE_URLS=true] (null: allowed). */
const TABLE: [string, RegExp | null, RegExp | null][] = [
  // loopback, however it is written
  ["https://localhost/", PRIVATE, null],
  ["https://LOCALHOST./", PRIVATE, null],
  ["https://localhost.../", PRIVATE, null],
  ["https://ＬＯＣＡＬＨＯＳＴ/", PRIVATE, null],
  ["https://%6c%6f%63%61%6c%68%6f%73%74/", PRIVATE, null],
  ["https://api.localhost./", PRIVATE, null],
  ["https://127.0.0.1/", PRIVATE, null],
  ["https://127.0.0.1./", PRIVATE, null],
  ["https://%31%32%37.0.0.1/", PRIVATE, null],
  ["https://2130706433/", PRIVATE, null],
  ["https://0x7f000001/", PRIVATE, null],
  ["https://0x7f.1/", PRIVATE, null],
  ["https://0177.0.0.1/", PRIVATE, null],
  ["https://017700000001/", PRIVATE, null],
  ["https://127.1/", PRIVATE, null],
  ["https://[::1]/", PRIVATE, null],
  ["https://[0:0:0:0:0:0:0:1]/", PRIVATE, null],
  // IPv6 forms that embed a non-public IPv4 address: refused under every setting
  ["https://[::ffff:127.0.0.1]/", FORBIDDEN, FORBIDDEN],
  ["https://[::ffff:7f00:1]/", FORBIDDEN, FORBIDDEN],
  ["https://[::127.0.0.1]/", FORBIDDEN, FORBIDDEN],
  ["https://[::ffff:0:127.0.0.1]/", FORBIDDEN, FORBIDDEN],
  ["https://[64:ff9b::7f00:1]/", FORBIDDEN, FORBIDDEN],
  ["https://[64:ff9b::127.0.0.1]/", FORBIDDEN, FORBIDDEN],
  ["https://[64:ff9b:1::a00:1]/", FORBIDDEN, FORBIDDEN],
  ["https://[2002:7f00:1::]/", FORBIDDEN, FORBIDDEN],
  ["https://[2002:a9fe:a9fe::]/", FORBIDDEN, FORBIDDEN],
  ["https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", FORBIDDEN, FORBIDDEN],
  ["https://[::ffff:10.0.0.1]/", FORBIDDEN, FORBIDDEN],
  ["https://[::ffff:a9fe:a9fe]/", FORBIDDEN, FORBIDDEN],
  // link-local, metadata, multicast, reserved: refused under every setting
  ["https://169.254.169.254/latest/meta-data/", FORBIDDEN, FORBIDDEN],
  ["https://2852039166/", FORBIDDEN, FORBIDDEN],
  ["https://0xa9.0xfe.0xa9.0xfe/", FORBIDDEN, FORBIDDEN],
  ["https://169.254.1.1/", FORBIDDEN, FORBIDDEN],
  ["https://100.100.100.200/latest/meta-data/", FORBIDDEN, FORBIDDEN],
  ["https://metadata.google.internal/", FORBIDDEN, FORBIDDEN],
  ["https://METADATA.google.internal./", FORBIDDEN, FORBIDDEN],
  ["https://[fd00:ec2::254]/", FORBIDDEN, FORBIDDEN],
  ["https://[fe80::1]/", FORBIDDEN, FORBIDDEN],
  ["https://[febf::1]/", FORBIDDEN, FORBIDDEN],
  ["https://[ff02::1]/", FORBIDDEN, FORBIDDEN],
  ["https://224.0.0.1/", FORBIDDEN, FORBIDDEN],
  ["https://239.255.255.250/", FORBIDDEN, FORBIDDEN],
  ["https://255.255.255.255/", FORBIDDEN, FORBIDDEN],
  ["https://240.0.0.1/", FORBIDDEN, FORBIDDEN],
  ["https://0.0.0.0/", FORBIDDEN, FORBIDDEN],
  ["https://0/", FORBIDDEN, FORBIDDEN],
  ["https://[::]/", FORBIDDEN, FORBIDDEN],
  ["https://192.0.0.170/", FORBIDDEN, FORBIDDEN],
  // private networks: only with the setting
  ["https://10.1.2.3/", PRIVATE, null],
  ["https://012.1.2.3/", PRIVATE, null],
  ["https://172.16.0.1/", PRIVATE, null],
  ["https://172.31.255.255/", PRIVATE, null],
  ["https://192.168.1.1/", PRIVATE, null],
  ["https://100.64.0.1/", PRIVATE, null],
  ["https://[fd00::1]/", PRIVATE, null],
  ["https://[FC00::1]/", PRIVATE, null],
  ["https://vault.internal/", PRIVATE, null],
  ["https://printer.local./", PRIVATE, null],
  ["https://hr-intranet/", PRIVATE, null],
  ["http://10.0.0.7:8080/hook", PRIVATE, null],
  ["http://hr.example.com/hook", /must use https/, /must use https/],
  // ports
  ["https://hr.example.com:443/", null, null],
  ["https://hr.example.com:8443/", null, null],
  ["https://hr.example.com:65535/", null, null],
  ["https://hr.example.com:22/", PORT, PORT],
  ["https://hr.example.com:25/", PORT, PORT],
  ["https://hr.example.com:80/", PORT, PORT],
  ["https://hr.example.com:1023/", PORT, PORT],
  ["https://hr.example.com:6379/", PORT, PORT],
  ["https://hr.example.com:5432/", PORT, PORT],
  ["https://hr.example.com:2375/", PORT, PORT],
  ["https://hr.example.com:10250/", PORT, PORT],
  ["http://10.0.0.7:3306/", PRIVATE, PORT],
  ["http://10.0.0.7/", PRIVATE, null],
  // userinfo, control characters, not URLs
  ["https://a@127.0.0.1/", /credentials/, /credentials/],
  ["https://a@hr.example.com/", /credentials/, /credentials/],
  ["https://user:pw@hr.example.com/", /credentials/, /credentials/],
  ["https://hr.example.com/hook\r\nX-Injected: 1", /control characters/, /control characters/],
  ["https://hr.exa\r\nmple.com/", /control characters/, /control characters/],
  ["https://hr.example.com/\thook", /control characters/, /control characters/],
  ["https://hr.example.com/a b", /control characters/, /control characters/],
  [" https://hr.example.com/", /control characters/, /control characters/],
  ["ftp://hr.example.com/", /must use https/, /must use https/],
  ["not a url", /absolute URL/, /absolute URL/],
  // public hosts
  ["https://hr.example.com/hooks/wutong?x=1", null, null],
  ["https://HR.Example.COM./hooks", null, null],
  ["https://8.8.8.8/", null, null],
  ["https://172.32.0.1/", null, null],
  ["https://100.128.0.1/", null, null],
  ["https://[2606:4700::1111]/", null, null],
  ["https://[::ffff:8.8.8.8]/", null, null],
  ["https://[64:ff9b::808:808]/", null, null],
];

describe("webhook URL policy", () => {
  for (const [url, strict, allowPrivate] of TABLE) {
    it(`${JSON.stringify(url)}: ${strict ? "refused" : "allowed"} by default, ${allowPrivate ? "refused" : "allowed"} with private URLs allowed`, () => {
      const got = [urlProblem(url, false), urlProblem(url, true)];
      if (strict) expect(got[0]).toMatch(strict);
      else expect(got[0]).toBeNull();
      if (allowPrivate) expect(got[1]).toMatch(allowPrivate);
      else expect(got[1]).toBeNull();
    });
  }

  it("classifies resolved addresses, zone ids and non-addresses included", () => {
    expect(addressClass("10.0.0.5")).toBe("private");
    expect(addressClass("::ffff:127.0.0.1")).toBe("forbidden");
    expect(addressClass("2606:4700::1111")).toBe("public");
    expect(addressClass("hr.example.com")).toBeNull();
    expect(addressProblem("fe80::1%eth0", true)).toMatch(FORBIDDEN);
    expect(addressProblem("203.0.113.9", false)).toBeNull();
    expect(hostClass("hr.example.com")).toBe("public");
  });

  it("resolves names through the system resolver on Node (localhost is loopback)", async () => {
    const addresses = await systemResolver("localhost");
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(addressClass(a)).toBe("loopback");
  });
});
