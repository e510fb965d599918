import type { NextRequest } from "next/server";
import { publicRoute } from "./api-route";
import { notFound } from "./errors";

const route = publicRoute(async () => {
  throw notFound();
});

/** An /api path no route serves: 404 JSON like every other API error, never Next's HTML page. */
export function unknownPath(request: NextRequest): Promise<Response> {
  return route(request, { params: Promise.resolve({}) });
}
