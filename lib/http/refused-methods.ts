import type { NextRequest } from "next/server";
import { publicRoute } from "./api-route";
import { ApiError } from "./errors";

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** A handler that only refuses its method; the OpenAPI checks leave it out. */
export type MethodRefusal = ((request: NextRequest) => Promise<Response>) & {
  refusesMethod: true;
};

/**
 * Handlers for the methods a route does not serve, to export beside the ones it does: 405 JSON
 * with Allow, the shape the reference's clients get from DRF. Next's own 405 has no body.
 */
export function refusedMethods(...served: ApiMethod[]): Record<ApiMethod, MethodRefusal> {
  const allow = served.join(", ");
  const refusal = (method: ApiMethod): MethodRefusal => {
    const route = publicRoute(
      async () => {
        throw new ApiError(405, `Method "${method}" not allowed.`, {}, { Allow: allow });
      },
      { authenticate: false },
    );
    const handler = (request: NextRequest) => route(request, { params: Promise.resolve({}) });
    return Object.assign(handler, { refusesMethod: true as const });
  };
  const entries = API_METHODS.map((method) => [method, refusal(method)] as const);
  return Object.fromEntries(entries) as Record<ApiMethod, MethodRefusal>;
}
