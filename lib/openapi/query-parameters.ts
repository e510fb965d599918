import { QUERY_PARAMETER_DOC } from "@/lib/validation/query-params";

type Json = Record<string, unknown>;

/** The vendor key a route's JSDoc uses to say "my query string is this zod schema". */
export const QUERY_SCHEMA_KEY = "x-query-schema";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

function toParameters(schema: Json): Json[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(
    ([name, { description, [QUERY_PARAMETER_DOC]: documented, ...propertySchema }]) => ({
      name,
      in: "query",
      required: required.has(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
      ...(documented as Json | undefined),
    }),
  );
}

/**
 * Replaces `x-query-schema: <Component>` on each operation with one query parameter per field of
 * that zod-generated component, so types, limits and defaults come from the schema the route parses.
 */
export function expandQuerySchemas(
  paths: Record<string, Json>,
  schemas: Record<string, Json>,
): void {
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      const name = operation?.[QUERY_SCHEMA_KEY];
      if (!operation || name === undefined) continue;
      const schema = typeof name === "string" ? schemas[name] : undefined;
      if (!schema)
        throw new Error(`${method.toUpperCase()} ${path}: no component schema "${name}"`);
      delete operation[QUERY_SCHEMA_KEY];
      operation.parameters = [...((operation.parameters ?? []) as Json[]), ...toParameters(schema)];
    }
  }
}
