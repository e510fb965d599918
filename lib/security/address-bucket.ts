import ipaddr from "ipaddr.js";

/** Bits of an IPv6 address that name one subscriber: ISPs and clouds hand each a whole /64. */
const IPV6_SUBSCRIBER_PREFIX = 64;

/**
 * What a per-address rate limit counts a client address under. One IPv6 host can pick a new
 * address from its /64 for every request, so the /64 is the bucket; IPv4, written plainly or
 * IPv4-mapped (`::ffff:a.b.c.d`), is one bucket per address. Anything unparsable is its own.
 */
export function addressBucket(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(
    `${parsed.toString()}/${IPV6_SUBSCRIBER_PREFIX}`,
  );
  return `${network.toString()}/${IPV6_SUBSCRIBER_PREFIX}`;
}
