import { NextResponse } from "next/server";

/** A JSON response that an Idempotency-Key may have replayed from storage. */
export function replayableResponse(result: {
  status: number;
  body: unknown;
  replayed: boolean;
}): NextResponse {
  const headers: Record<string, string> = result.replayed ? { "Idempotent-Replayed": "true" } : {};
  return NextResponse.json(result.body, { status: result.status, headers });
}
