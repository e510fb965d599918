import { describe, expect, it } from "vitest";
import { addressBucket } from "@/lib/security/address-bucket";

describe("addressBucket", () => {
  it("keeps an IPv4 address as it is, however it is written", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("puts every address of an IPv6 /64 in one bucket, in one spelling", () => {
    const bucket = "2001:db8:1:2::/64";
    expect(addressBucket("2001:db8:1:2:3:4:5:6")).toBe(bucket);
    expect(addressBucket("2001:0DB8:0001:0002::9")).toBe(bucket);
    expect(addressBucket("2001:db8:1:3::9")).toBe("2001:db8:1:3::/64");
    expect(addressBucket("fe80::1%eth0")).toBe("fe80::/64");
  });

  it("leaves what is not an address to be its own bucket", () => {
    expect(addressBucket("unknown")).toBe("unknown");
    expect(addressBucket("203.0.113.7:8080")).toBe("203.0.113.7:8080");
  });
});
