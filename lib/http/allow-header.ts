/**
 * The Allow header of a route serving `served`: Next answers HEAD wherever there is a GET, and
 * every route answers OPTIONS, so both are listed, in 405 and OPTIONS answers alike.
 */
export function allowHeader(served: readonly string[]): string {
  return [
    ...served.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])),
    "OPTIONS",
  ].join(", ");
}
