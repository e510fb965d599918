type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** allOf of object schemas → one object schema (what our nullable-ref idiom and extensions use). */
function mergeAllOf(schema: Schema): Schema {
  const parts = (schema.allOf as Schema[]).map(toStrictJsonSchema);
  if (!parts.every((part) => part.type === "object" || isSchema(part.properties))) {
    return { ...schema, allOf: parts };
  }
  const { allOf: _allOf, ...rest } = schema;
  return toStrictJsonSchema({
    ...rest,
    type: "object",
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), rest.properties ?? {}),
    required: [...new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []))],
  });
}

/**
 * A dereferenced OpenAPI 3.0 schema → JSON Schema for Ajv, strict about fields: an object that
 * does not say otherwise admits only the properties it documents, so an undocumented field in a
 * real response fails the contract.
 */
export function toStrictJsonSchema(input: Schema): Schema {
  const { nullable, example: _example, ...schema } = input;
  if (nullable === true) return { anyOf: [toStrictJsonSchema(schema), { type: "null" }] };
  if (Array.isArray(schema.allOf)) return mergeAllOf(schema);
  const out: Schema = { ...schema };
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[key])) out[key] = (schema[key] as Schema[]).map(toStrictJsonSchema);
  }
  if (isSchema(schema.items)) out.items = toStrictJsonSchema(schema.items);
  if (isSchema(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, value]) => [
        name,
        toStrictJsonSchema(value as Schema),
      ]),
    );
  }
  if (schema.type === "object" || isSchema(schema.properties)) {
    if (schema.additionalProperties === undefined) out.additionalProperties = false;
    else if (isSchema(schema.additionalProperties)) {
      out.additionalProperties = toStrictJsonSchema(schema.additionalProperties);
    }
  }
  // OpenAPI 3.0 (draft 4) spells exclusive bounds as booleans beside minimum/maximum.
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof schema[exclusive] !== "boolean") continue;
    delete out[exclusive];
    if (schema[exclusive] === true) {
      out[exclusive] = schema[bound];
      delete out[bound];
    }
  }
  return out;
}
