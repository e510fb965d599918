import { NextResponse, type NextRequest } from "next/server";
import { publicRoute } from "./api-route";
import { allowHeader } from "./allow-header";
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
      throw methodNotAllowed(request.method, allowHeader(served));
    },
    { authenticate: false },
  );
  return route(request, { params: Promise.resolve({}) });
}

/**
 * OPTIONS: 204 with the methods served in Allow. Next's own answer lists every exported handler,
 * the refusing ones too. Not an API operation either.
 */
export function answerOptions(request: NextRequest, served: readonly string[]): Promise<Response> {
  const route = publicRoute(
    async () =>
      new NextResponse(null, {
        status: 204,
        headers: { Allow: allowHeader(served) },
      }),
    { authenticate: false },
  );
  return route(request, { params: Promise.resolve({}) });
}

const notAnOperation = (handler: (request: NextRequest) => Promise<Response>): MethodRefusal =>
  Object.assign(handler, { refusesMethod: true as const });

/** Handlers for the methods a route does not serve, and OPTIONS, to export beside the ones it does. */
export function refusedMethods(
  ...served: ApiMethod[]
): Record<ApiMethod | "OPTIONS", MethodRefusal> {
  return {
    ...(Object.fromEntries(
      API_METHODS.map((method) => [
        method,
        notAnOperation((request) => refuseMethod(request, served)),
      ]),
    ) as Record<ApiMethod, MethodRefusal>),
    OPTIONS: notAnOperation((request) => answerOptions(request, served)),
  };
}
