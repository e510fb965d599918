import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv, type ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument, documentedPath } from "@/lib/openapi/document";
import { toStrictJsonSchema } from "./json-schema";
import { RECORDED_CALLS_FILE, readRecordedCalls, type RecordedCall } from "./recorded-calls";

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Json }> }> };

// The JSON 404 for unknown /api paths and next-auth's own endpoints are not API operations.
const NOT_OPERATIONS = new Set(["/api/{path}/", "/api/auth/{nextauth}/"]);

let paths: Record<string, Record<string, Operation>>;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();

beforeAll(async () => {
  const document = await SwaggerParser.dereference(
    structuredClone(buildOpenApiDocument()) as never,
  );
  paths = document.paths as typeof paths;
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat("date-time", (value: string) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat("binary", () => true);
});

function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toStrictJsonSchema(schema));
    validators.set(key, validate);
  }
  return validate;
}

const baseType = (contentType: string | null) => contentType?.split(";")[0]!.trim() ?? "";

/** Every way a recorded response can disagree with the document; none means it is described. */
function contractProblems(call: RecordedCall): string[] {
  const path = documentedPath(call.template);
  const operation = paths[path]?.[call.method.toLowerCase()];
  if (!operation) return [`${call.method} ${path} is not in the document`];
  const response = operation.responses[String(call.status)];
  if (!response) return [`status ${call.status} is not documented`];
  const hasBody = call.body !== "" && call.body !== null;
  if (!hasBody) return [];
  const mediaType = baseType(call.contentType);
  const content = response.content?.[mediaType];
  if (!content) return [`response content type "${mediaType}" is not documented`];
  if (!mediaType.includes("json")) return [];
  if (!content.schema) return ["the JSON response has no schema"];
  const validate = validatorFor(`${call.method} ${path} ${call.status}`, content.schema);
  if (validate(call.body)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `body${error.instancePath} ${error.message}` +
      (error.params && "additionalProperty" in error.params
        ? ` ("${String(error.params.additionalProperty)}")`
        : ""),
  );
}

describe("the API's real responses match the OpenAPI document", () => {
  it("every response the API test suite produced is documented, field by field", () => {
    const calls = readRecordedCalls().filter((call) => !NOT_OPERATIONS.has(call.template));
    expect(
      calls.length,
      `No recorded API calls in ${RECORDED_CALLS_FILE}: run the vitest suite with RECORD_API_CALLS=1 first (npm test does).`,
    ).toBeGreaterThan(0);

    const problems = new Map<string, string>();
    for (const call of calls) {
      for (const problem of contractProblems(call)) {
        const key = `${call.method} ${call.template} → ${call.status}: ${problem}`;
        if (!problems.has(key)) problems.set(key, `${key}  [first seen in "${call.test}"]`);
      }
    }
    expect([...problems.values()]).toEqual([]);
  });

  it("holds a response to its schema strictly: an undocumented field or null fails", () => {
    const task = paths["/api/tasks/{id}"]?.get?.responses["200"]?.content?.["application/json"];
    expect(task?.schema).toBeDefined();
    const validate = ajv.compile(toStrictJsonSchema(task!.schema!));
    const sample = {
      id: 1,
      title: "Write the report",
      description: "",
      status: "TODO",
      priority: "MEDIUM",
      assigned_to: null,
      created_by: 2,
      due_date: null,
      is_overdue: false,
      version: 1,
      import_id: null,
      created_at: "2026-11-28T10:00:00.000Z",
      updated_at: "2026-11-28T10:00:00.000Z",
      assignee: null,
      creator: { id: 2, email: "maria.manager@example.com", full_name: "Maria Manager" },
    };
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sample, password_hash: "x" })).toBe(false);
    expect(validate({ ...sample, creator: { ...sample.creator, role: "ADMIN" } })).toBe(false);
    expect(validate({ ...sample, creator: null })).toBe(false);
  });
});
