type Json = Record<string, unknown>;

const REF_PREFIX = "#/components/schemas/";

function isNullableMarker(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.keys(value).length === 1 &&
    (value as Json).nullable === true
  );
}

/**
 * zod-to-openapi renders a nullable reference as `allOf: [{$ref}, {nullable: true}]`, which
 * OpenAPI 3.0 reads as "nullable without a type". Rewrites it to the 3.0 idiom
 * `{type, nullable: true, allOf: [{$ref}]}`, taking the type from the referenced component.
 */
export function fixNullableRefs(node: unknown, schemas: Record<string, Json>): unknown {
  if (Array.isArray(node)) return node.map((item) => fixNullableRefs(item, schemas));
  if (typeof node !== "object" || node === null) return node;
  const object = node as Json;
  const allOf = object.allOf;
  if (Array.isArray(allOf) && allOf.length === 2 && isNullableMarker(allOf[1])) {
    const ref = (allOf[0] as Json).$ref;
    const target = typeof ref === "string" ? schemas[ref.slice(REF_PREFIX.length)] : undefined;
    if (target?.type) {
      const { allOf: _allOf, ...rest } = object;
      return { ...rest, type: target.type, nullable: true, allOf: [allOf[0]] };
    }
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key, fixNullableRefs(value, schemas)]),
  );
}
