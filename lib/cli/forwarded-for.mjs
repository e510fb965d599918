// `npm start` is the last hop before the app: it appends the address of the connection to
// X-Forwarded-For as a proxy does, so that lib/auth/client-ip.ts counts trusted proxies from
// there and the entries a client writes itself are never taken for its address.

/** IPv4 callers of a dual-stack socket show as "::ffff:a.b.c.d"; logs and limits want a.b.c.d. */
function plainAddress(address) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export function appendConnectionAddress(request) {
  const address = plainAddress(request.socket.remoteAddress ?? "unknown");
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${address}` : address;
}
