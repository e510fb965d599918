import { codeCarrier } from "@/lib/services/database-errors";

/**
 * Whether a request failed because its client closed the connection mid-body: Node reports that
 * as an "aborted" ECONNRESET on the body stream. Nobody is left to answer, and nothing on the
 * server failed. Any other failure, even one after the client left, is the server's to report.
 */
export function clientClosedMidBody(error: unknown): boolean {
  const carrier = codeCarrier(error);
  return carrier instanceof Error && carrier.code === "ECONNRESET" && carrier.message === "aborted";
}
