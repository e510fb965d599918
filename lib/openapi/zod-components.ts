import { OpenApiGeneratorV3 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as activityTrail from "@/lib/validation/activity-trail";
import * as apiErrors from "@/lib/validation/api-error";
import * as auth from "@/lib/validation/auth";
import * as authResponses from "@/lib/validation/auth-responses";
import * as bulkCreate from "@/lib/validation/bulk-create";
import * as health from "@/lib/validation/health";
import * as pagination from "@/lib/validation/pagination";
import * as taskActivity from "@/lib/validation/task-activity";
import * as taskQuery from "@/lib/validation/task-query";
import * as tasks from "@/lib/validation/tasks";
import * as userResponses from "@/lib/validation/user-responses";
import * as users from "@/lib/validation/users";

type SchemaObject = Record<string, unknown>;

/**
 * The validation modules whose `.meta({ id })` schemas become components/schemas (a bundle cannot
 * glob; tests/integration/openapi-document.test.ts fails when a module with such schemas is missing).
 */
export const VALIDATION_MODULES: Record<string, unknown>[] = [
  activityTrail,
  apiErrors,
  auth,
  authResponses,
  bulkCreate,
  health,
  pagination,
  taskActivity,
  taskQuery,
  tasks,
  userResponses,
  users,
];

function documentedSchemas(): z.ZodType[] {
  const found = new Set<z.ZodType>();
  for (const exports of VALIDATION_MODULES) {
    for (const value of Object.values(exports)) {
      if (value instanceof z.ZodType && value.meta()?.id) found.add(value);
    }
  }
  return [...found];
}

const definition = (schema: z.ZodType) => ({ type: "schema" as const, schema });

function componentCount(schema: z.ZodType): number {
  const generated = new OpenApiGeneratorV3([definition(schema)]).generateComponents();
  return Object.keys(generated.components?.schemas ?? {}).length;
}

/**
 * components/schemas from the same zod schemas that validate requests.
 * A component is rendered where the generator first meets it, and a wrapper met first
 * (`.nullable()`, `.default()`) would leak into it: so a schema is generated before any
 * schema that contains it (a container always pulls in more components than its parts).
 */
export function zodComponentSchemas(): Record<string, SchemaObject> {
  const ordered = documentedSchemas()
    .map((schema) => ({ schema, size: componentCount(schema) }))
    .sort((a, b) => a.size - b.size)
    .map(({ schema }) => definition(schema));
  const generated = new OpenApiGeneratorV3(ordered).generateComponents();
  return (generated.components?.schemas ?? {}) as Record<string, SchemaObject>;
}
