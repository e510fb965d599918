// A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST = /^(?<name>[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(?<port>\d{1,5}))?$/i;

/**
 * The request's URL as the client addressed it, for links in responses (pagination). Next hands
 * route handlers `http://localhost:PORT/…` whatever the client asked for, so links built from
 * `request.url` sent integrators to localhost. As DRF's build_absolute_uri: the Host header, and
 * https when the proxy in front says the client used it.
 */
export function publicUrl(request: Request): URL {
  const url = new URL(request.url);
  const host = HOST.exec(request.headers.get("host") ?? "")?.groups;
  if (host) {
    url.hostname = host.name!;
    url.port = host.port ?? "";
  }
  if (request.headers.get("x-forwarded-proto") === "https") url.protocol = "https:";
  return url;
}
