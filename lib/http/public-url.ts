import { config } from "@/lib/config";
import { HTTPS_PROXY } from "./static-security-headers.mjs";

// A Host header: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST = /^(?<name>[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(?<port>\d{1,5}))?$/i;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** "etums.example.com." is the same name, fully qualified (Django strips the dot too). */
const withoutRootDot = (hostname: string) => hostname.replace(/\.$/, "");

/** Whether links may name `hostname`: the app's own address, loopback, or ALLOWED_HOSTS. */
function isAllowedHost(hostname: string): boolean {
  const name = withoutRootDot(hostname.toLowerCase());
  const { NEXTAUTH_URL, ALLOWED_HOSTS } = config();
  if (LOOPBACK.has(name)) return true;
  if (NEXTAUTH_URL && new URL(NEXTAUTH_URL).hostname === name) return true;
  return ALLOWED_HOSTS.some(
    (allowed) =>
      allowed === "*" ||
      allowed === name ||
      (allowed.startsWith(".") && (name.endsWith(allowed) || name === allowed.slice(1))),
  );
}

/**
 * Whether the app answers as the host the request names (Django's ALLOWED_HOSTS check): NEXTAUTH_URL's
 * host, loopback or ALLOWED_HOSTS. A DNS-rebinding page names its own host, and to the browser
 * it is then same-origin with this app: sign-ins sent from it as JSON need no preflight, and it
 * could read their answers. A request with no Host (no browser sends one) is not refused.
 */
export function answersAsHost(request: Request): boolean {
  const host = request.headers.get("host");
  if (host === null) return true;
  const name = HOST.exec(host)?.groups?.name;
  return name !== undefined && isAllowedHost(name);
}

/**
 * Whether a browser's Origin header names this app: the host and port the request was sent to,
 * if the app answers as that host, or NEXTAUTH_URL's origin. Unlike links, which any allowed
 * host may appear in, an origin must be exact (Django keeps CSRF_TRUSTED_ORIGINS apart from
 * ALLOWED_HOSTS too); "null" never is. A Host the app does not answer as is what a DNS-rebinding
 * page sends, its Origin matching it: that pair proves nothing.
 */
export function isOwnOrigin(request: Request, origin: string): boolean {
  if (origin === "null" || !URL.canParse(origin)) return false;
  const from = new URL(origin);
  const own = config().NEXTAUTH_URL;
  if (own && new URL(own).origin === from.origin) return true;
  const host = (request.headers.get("host") ?? "").toLowerCase();
  const name = HOST.exec(host)?.groups?.name;
  return name !== undefined && isAllowedHost(name) && from.host === host;
}

/**
 * The request's URL as the client addressed it, for links in responses (pagination). Next hands
 * route handlers `http://localhost:PORT/…` whatever the client asked for, so links built from
 * `request.url` sent integrators to localhost. As DRF's build_absolute_uri: the Host header if it
 * is one the app answers as (Django's ALLOWED_HOSTS), else NEXTAUTH_URL's, so that a forged Host
 * cannot put another site in the links; https when NEXTAUTH_URL says so for its host, or when
 * the proxy in front says the client used it.
 */
export function publicUrl(request: Request): URL {
  const url = new URL(request.url);
  const host = HOST.exec(request.headers.get("host") ?? "")?.groups;
  const own = config().NEXTAUTH_URL ? new URL(config().NEXTAUTH_URL!) : null;
  if (host && isAllowedHost(host.name!)) {
    url.hostname = host.name!;
    url.port = host.port ?? "";
    // The app's own address says which scheme its clients use, a proxy's header or not.
    if (own && own.hostname === withoutRootDot(url.hostname) && own.port === url.port) {
      url.protocol = own.protocol;
    }
  } else if (own) {
    url.protocol = own.protocol;
    url.hostname = own.hostname;
    url.port = own.port;
  }
  if (HTTPS_PROXY.test(request.headers.get("x-forwarded-proto") ?? "")) url.protocol = "https:";
  return url;
}
