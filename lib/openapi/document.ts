import path from "node:path";
import { createSwaggerSpec } from "next-swagger-doc";
import { ERROR_RESPONSES } from "./error-responses";
import { EXAMPLES } from "./examples";
import { fixNullableRefs } from "./nullable-refs";
import { SHARED_PARAMETERS } from "./shared-parameters";
import { expandQuerySchemas } from "./query-parameters";
import { documentIgnoredReadOnlyFields } from "./ignored-read-only-fields";
import { zodComponentSchemas } from "./zod-components";

type Json = Record<string, unknown>;

export type OpenApiDocument = {
  openapi: string;
  info: Json;
  servers: Json[];
  tags: Json[];
  security: Json[];
  paths: Record<string, Json>;
  components: {
    schemas: Record<string, Json>;
    responses: Record<string, Json>;
    parameters: Record<string, Json>;
    examples: Record<string, Json>;
    securitySchemes: Record<string, Json>;
    headers: Record<string, Json>;
  };
};

const OPENAPI_VERSION = "3.0.3";

/** Route handlers carry their operations as `@swagger` JSDoc blocks. */
const ROUTE_SOURCES = "app/api/**/route.ts";

const INFO = {
  title: "ETUMS API",
  version: "1.0.0",
  description:
    "Task and user management. Sign in with `POST /api/auth/login`, then send the `access` token " +
    "as `Authorization: Bearer <access>` (in Swagger UI: **Authorize**). Every path also answers " +
    "with a trailing slash (`/api/tasks/`), as the Django/DRF reference did. Errors are JSON: " +
    '`{"detail": "…"}`, with `errors` listing each invalid field or CSV row.',
};

const TAGS = [
  { name: "Auth", description: "Sign in, rotate and revoke JWT tokens." },
  {
    name: "Tasks",
    description: "Create, list, read, change and delete tasks, as your role allows.",
  },
  { name: "Bulk", description: "Create many tasks at once (JSON or CSV upload) and export them." },
  { name: "Users", description: "User administration (admins); assignable users (managers)." },
  { name: "System", description: "Health and this documentation." },
];

/** "/api/tasks/{id}/" → "/api/tasks/{id}": both answer; OpenAPI linters want the slashless form. */
export function documentedPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

function jsDocPaths(): Record<string, Json> {
  const spec = createSwaggerSpec({
    // Our own glob replaces the library's pages/ and .next/ folders (both wrong for the App Router).
    apis: [path.join(process.cwd(), ROUTE_SOURCES)],
    definition: { openapi: OPENAPI_VERSION, info: INFO },
  }) as { paths?: Record<string, Json> };
  const paths: Record<string, Json> = {};
  for (const [key, item] of Object.entries(spec.paths ?? {})) {
    paths[documentedPath(key)] = { ...paths[documentedPath(key)], ...item };
  }
  return paths;
}

const SCHEMA_REF = /"#\/components\/schemas\/([^"]+)"/g;

/**
 * Only the schemas the operations reach: lib/validation also holds schemas for forms and the
 * command line (and query schemas, expanded into parameters), which are not part of the API.
 */
function reachableSchemas(roots: unknown, schemas: Record<string, Json>): Record<string, Json> {
  const reached = new Set<string>();
  const pending = [JSON.stringify(roots)];
  while (pending.length > 0) {
    for (const [, name] of pending.pop()!.matchAll(SCHEMA_REF)) {
      if (reached.has(name!) || !schemas[name!]) continue;
      reached.add(name!);
      pending.push(JSON.stringify(schemas[name!]));
    }
  }
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
}

const OPERATIONS = ["get", "put", "post", "delete", "patch"] as const;

/**
 * Any request can name a host the server does not answer as, or carry a malformed address; any
 * operation can fail on the server, and any that reads the database can find it out of reach:
 * each gets the JSON 400, 500 and 503 unless its JSDoc says more.
 */
function withServerErrors(paths: Record<string, Json>): Record<string, Json> {
  for (const item of Object.values(paths) as Record<string, { responses?: Json } | undefined>[]) {
    for (const method of OPERATIONS) {
      const responses = item[method]?.responses as Record<string, Json> | undefined;
      if (!responses) continue;
      responses["400"] ??= { $ref: "#/components/responses/BadAddress" };
      responses["500"] ??= { $ref: "#/components/responses/InternalServerError" };
      responses["503"] ??= { $ref: "#/components/responses/Unavailable" };
    }
  }
  return paths;
}

const REQUEST_ID_HEADER = {
  RequestId: {
    description:
      "This request's id: the `X-Request-Id` you sent (a UUID), or a new one. It is in every log line of the request.",
    schema: { type: "string" },
  },
};
const REQUEST_ID_REF = { $ref: "#/components/headers/RequestId" };

/** Built at build time and served as a file: no request, so no request id. */
const STATIC_PATHS = /^\/api\/(schema|docs)\b/;

/**
 * Every answer of the API (api-route.ts, static-api-methods.ts) carries `X-Request-Id`: each
 * inline response declares it; the shared error responses are given it once in components.
 */
function withRequestIds(paths: Record<string, Json>): Record<string, Json> {
  for (const [path, item] of Object.entries(paths)) {
    if (STATIC_PATHS.test(path)) continue;
    for (const method of OPERATIONS) {
      const responses = (item[method] as { responses?: Record<string, Json> } | undefined)
        ?.responses;
      for (const response of Object.values(responses ?? {})) {
        if ("$ref" in response) continue;
        response.headers = {
          ...(response.headers as Json | undefined),
          "X-Request-Id": REQUEST_ID_REF,
        };
      }
    }
  }
  return paths;
}

function errorResponsesWithRequestIds(): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, response]) => [
      name,
      {
        ...response,
        headers: {
          ...("headers" in response ? response.headers : {}),
          "X-Request-Id": REQUEST_ID_REF,
        },
      },
    ]),
  );
}

/** Paths and operations from the route handlers' JSDoc; every schema from lib/validation's zod. */
export function buildOpenApiDocument(): OpenApiDocument {
  const generated = zodComponentSchemas();
  const schemas = fixNullableRefs(generated, generated) as Record<string, Json>;
  documentIgnoredReadOnlyFields(schemas);
  const paths = withRequestIds(
    withServerErrors(fixNullableRefs(jsDocPaths(), schemas) as Record<string, Json>),
  );
  expandQuerySchemas(paths, schemas);
  return {
    openapi: OPENAPI_VERSION,
    info: INFO,
    // Relative: Swagger UI and clients call the host that served this document.
    servers: [{ url: "/", description: "The server that serves this document" }],
    tags: TAGS,
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: reachableSchemas([paths, ERROR_RESPONSES, SHARED_PARAMETERS], schemas),
      responses: errorResponsesWithRequestIds(),
      headers: REQUEST_ID_HEADER,
      parameters: SHARED_PARAMETERS,
      examples: EXAMPLES,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "The `access` token from `POST /api/auth/login` or `POST /api/auth/refresh`.",
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** Built once per process (at build time for the static /api/schema route). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
