import { describe, expect, it } from "vitest";
import { displayIp } from "@/lib/utils/ip";

describe("displayIp", () => {
  it("compresses expanded IPv6 addresses the standard way", () => {
    expect(displayIp("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(displayIp("0000:0000:0000:0000:0000:0000:0000:0001")).toBe("::1");
    expect(displayIp("2001:0db8:0000:0001:0000:0000:0000:0001")).toBe("2001:db8:0:1::1");
    expect(displayIp("fe80:0000:0000:0000:0204:61ff:fe9d:f156")).toBe("fe80::204:61ff:fe9d:f156");
  });

  it("shows IPv4, also when mapped into IPv6", () => {
    expect(displayIp("203.0.113.7")).toBe("203.0.113.7");
    expect(displayIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(displayIp("0000:0000:0000:0000:0000:ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("treats the unspecified address as unknown", () => {
    expect(displayIp("0000:0000:0000:0000:0000:0000:0000:0000")).toBeNull();
    expect(displayIp("::")).toBeNull();
    expect(displayIp("unknown")).toBeNull();
    expect(displayIp(null)).toBeNull();
  });

  it("leaves anything it does not understand as it is", () => {
    expect(displayIp("not:an:address")).toBe("not:an:address");
  });
});
