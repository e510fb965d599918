import type { NextRequest } from "next/server";
import { publicRoute } from "./api-route";
import { methodNotAllowed } from "./errors";

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** A handler that only refuses its method; the OpenAPI checks leave it out. */
export type MethodRefusal = ((request: NextRequest) => Promise<Response>) & {
  refusesMethod: true;
};

/**
 * 405 JSON naming the request's method, with the methods served in Allow: the shape the
 * reference's clients get from DRF. Next's own 405 has no body.
 */
export function refuseMethod(request: NextRequest, served: readonly string[]): Promise<Response> {
  const route = publicRoute(
    async () => {
      throw methodNotAllowed(request.method, served.join(", "));
    },
    { authenticate: false },
  );
  return route(request, { params: Promise.resolve({}) });
}

/** Handlers for the methods a route does not serve, to export beside the ones it does. */
export function refusedMethods(...served: ApiMethod[]): Record<ApiMethod, MethodRefusal> {
  const refusal = (): MethodRefusal =>
    Object.assign((request: NextRequest) => refuseMethod(request, served), {
      refusesMethod: true as const,
    });
  return Object.fromEntries(API_METHODS.map((method) => [method, refusal()])) as Record<
    ApiMethod,
    MethodRefusal
  >;
}
