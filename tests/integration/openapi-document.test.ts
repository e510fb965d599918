import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument, documentedPath, type OpenApiDocument } from "@/lib/openapi/document";
import { zodComponentSchemas } from "@/lib/openapi/zod-components";
import * as taskQuery from "@/lib/validation/task-query";
import { createTaskSchema, READ_ONLY_TASK_FIELDS, taskSchema } from "@/lib/validation/tasks";
import { READ_ONLY_ON_CREATE, READ_ONLY_ON_UPDATE } from "@/lib/validation/users";
import { toStrictJsonSchema } from "../contract/json-schema";
import { api } from "../helpers/api";

type Json = Record<string, unknown>;
type MediaType = { schema?: Json; example?: unknown; examples?: unknown };
type Response = {
  $ref?: string;
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaType>;
};
type Operation = {
  summary?: string;
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  responses?: Record<string, Response>;
};

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const TAGS = ["Auth", "Tasks", "Bulk", "Users", "System"];
// The JSON 404 for unknown /api paths and next-auth's own endpoints are not API operations.
const NOT_OPERATIONS = /\/\[\[?\.\.\.(path|nextauth)\]\]?\//;
const routeModules = import.meta.glob<Json>("/app/api/**/route.ts");
const validationModules = import.meta.glob<Json>("/lib/validation/*.ts");

/** "/app/api/tasks/[id]/route.ts" → "/api/tasks/{id}" */
const routeTemplate = (file: string) =>
  documentedPath(
    file
      .replace(/^\/app/, "")
      .replace(/route\.ts$/, "")
      .replace(/\[(\w+)\]/g, "{$1}"),
  );

let document: OpenApiDocument;
let operations: { method: string; path: string; operation: Operation }[];

beforeAll(() => {
  document = buildOpenApiDocument();
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.0 document (swagger-parser)", async () => {
    const validated = (await SwaggerParser.validate(structuredClone(document) as never)) as {
      openapi?: string;
      paths?: Json;
    };
    expect(validated.openapi).toBe("3.0.3");
    expect(Object.keys(validated.paths ?? {}).length).toBeGreaterThan(0);
  });

  it("pre-fills no path id or header, so Try it out never acts on a row or a version nobody chose", () => {
    // A pre-filled If-Match of "1" made every Try it out on a task edited once answer 412.
    const parameters = Object.values(document.components.parameters) as Json[];
    const prefilled = parameters.filter((p) => p.in === "path" || p.in === "header");
    expect(prefilled.map((p) => p.name)).toEqual(expect.arrayContaining(["id", "If-Match"]));
    for (const parameter of prefilled) {
      expect(parameter, String(parameter.name)).not.toHaveProperty("example");
      expect(parameter.schema, String(parameter.name)).not.toHaveProperty("example");
    }
  });

  it("passes `redocly lint` with the recommended ruleset and zero errors", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "etums-openapi-"));
    const file = path.join(dir, "openapi.json");
    fs.writeFileSync(file, JSON.stringify(document));
    const redocly = path.resolve("node_modules/.bin/redocly");
    const run = promisify(execFile);
    const env = {
      ...process.env,
      REDOCLY_TELEMETRY: "off",
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
    };
    const result = await run(redocly, ["lint", "--extends=recommended", "--format=stylish", file], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      ({ stdout, stderr }) => ({ failed: false, output: stdout + stderr }),
      (error: { stdout?: string; stderr?: string }) => ({
        failed: true,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }),
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.failed, result.output).toBe(false);
    expect(result.output).toMatch(
      /Woohoo! Your API description is valid|validated with \d+ warning/,
    );
  }, 120_000);

  it("describes every method of every route handler, and no operation that has none", async () => {
    const handlers = new Set<string>();
    for (const [file, load] of Object.entries(routeModules)) {
      if (NOT_OPERATIONS.test(file)) continue;
      const exports = await load();
      for (const method of HTTP_METHODS) {
        const handler = exports[method];
        // Handlers that only answer 405 (lib/http/refused-methods.ts) are not operations.
        if (typeof handler === "function" && !("refusesMethod" in handler)) {
          handlers.add(`${method} ${routeTemplate(file)}`);
        }
      }
    }
    const documented = new Set(operations.map(({ method, path }) => `${method} ${path}`));
    expect(
      [...handlers].filter((h) => !documented.has(h)),
      "handlers missing from the docs",
    ).toEqual([]);
    expect(
      [...documented].filter((d) => !handlers.has(d)),
      "documented but no handler",
    ).toEqual([]);
  });

  it("gives every operation a summary, an id, a known tag, its security and responses", () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      if (!operation.summary) problems.push(`${where}: no summary`);
      if (!operation.operationId) problems.push(`${where}: no operationId`);
      else if (ids.has(operation.operationId)) problems.push(`${where}: duplicate operationId`);
      ids.add(operation.operationId ?? "");
      if (!operation.tags?.length || !operation.tags.every((tag) => TAGS.includes(tag))) {
        problems.push(`${where}: tags must be some of ${TAGS.join(", ")}`);
      }
      const responses = operation.responses ?? {};
      if (!Object.keys(responses).some((status) => /^2\d\d$/.test(status))) {
        problems.push(`${where}: no success response`);
      }
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (!isPublic && !responses["401"]) problems.push(`${where}: protected but no 401 response`);
      for (const [status, response] of Object.entries(responses)) {
        if (response.$ref) continue;
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!media.schema) problems.push(`${where} ${status} ${type}: no schema`);
          if (type.includes("json") && media.example === undefined && !media.examples) {
            problems.push(`${where} ${status} ${type}: no example`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("declares X-Request-Id on every answer of the API, the static document's own excepted", async () => {
    const missing: string[] = [];
    for (const { method, path, operation } of operations) {
      if (path.startsWith("/api/schema")) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const resolved = response.$ref
          ? (document.components.responses[response.$ref.split("/").pop()!] as Response)
          : response;
        if (!resolved.headers?.["X-Request-Id"]) missing.push(`${method} ${path} ${status}`);
      }
    }
    expect(missing).toEqual([]);
    expect(document.components.headers.RequestId).toBeDefined();
    const answer = await api("GET", "/api/tasks/");
    expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every operation a 400, which a foreign Host or a malformed address meets anywhere", () => {
    for (const { method, path, operation } of operations) {
      expect(operation.responses, `${method} ${path}`).toHaveProperty("400");
    }
  });

  it("shows examples that its own schemas accept, field for field", async () => {
    const resolved = (await SwaggerParser.dereference(structuredClone(document) as never)) as {
      paths: Record<string, Record<string, Operation & { requestBody?: Response }>>;
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    ajv.addFormat("binary", () => true);
    const problems: string[] = [];
    for (const [path, item] of Object.entries(resolved.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const bodies = Object.entries(operation.responses ?? {}).concat(
          operation.requestBody ? [["request", operation.requestBody]] : [],
        );
        for (const [status, { content }] of bodies) {
          for (const [type, media] of Object.entries(content ?? {})) {
            if (!type.includes("json") || !media.schema) continue;
            const examples = media.examples
              ? Object.values(media.examples as Record<string, { value: unknown }>).map(
                  (e) => e.value,
                )
              : [media.example];
            const validate = ajv.compile(toStrictJsonSchema(media.schema));
            for (const example of examples.filter((e) => e !== undefined)) {
              if (!validate(example)) {
                problems.push(`${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`);
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("declares the bearer JWT scheme and requires it unless an operation opts out", () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const login = document.paths["/api/auth/login"]?.post as Operation | undefined;
    expect(login?.security).toEqual([]);
  });

  it("builds its schemas from the zod schemas that validate requests", () => {
    const { schemas } = document.components;
    const fields = (id: string) => Object.keys((schemas[id]?.properties ?? {}) as Json).sort();
    // A write body may carry the task's read-only fields, which the server ignores.
    expect(fields("TaskCreate")).toEqual(
      [...Object.keys(createTaskSchema.shape), ...READ_ONLY_TASK_FIELDS].sort(),
    );
    for (const name of ["TaskCreate", "TaskUpdate", "TaskReplace"]) {
      const properties = schemas[name]?.properties as Record<string, Json>;
      for (const field of READ_ONLY_TASK_FIELDS) {
        expect(properties[field], `${name}.${field}`).toMatchObject({ readOnly: true });
      }
      expect(properties.title).not.toHaveProperty("readOnly");
    }
    // So may a user's: its id and timestamps, and on create its active flag.
    const userBodies: [string, ReadonlySet<string>, string][] = [
      ["UserCreate", READ_ONLY_ON_CREATE, "is_active"],
      ["UserUpdate", READ_ONLY_ON_UPDATE, "email"],
    ];
    for (const [name, readOnly, writable] of userBodies) {
      const properties = schemas[name]?.properties as Record<string, Json>;
      expect([...readOnly]).toContain("id");
      for (const field of readOnly) {
        expect(properties[field], `${name}.${field}`).toMatchObject({ readOnly: true });
      }
      expect(properties[writable]).toBeDefined();
      expect(properties.full_name).not.toHaveProperty("readOnly");
    }
    expect(fields("Task")).toEqual(Object.keys(taskSchema.shape).sort());
    expect((schemas.TaskCreate?.properties as Json).title).toMatchObject({
      minLength: createTaskSchema.shape.title.minLength,
      maxLength: createTaskSchema.shape.title.maxLength,
    });
    expect(schemas.TaskCreate?.additionalProperties).toBe(false);
  });

  it("holds every `.meta({ id })` schema of lib/validation", async () => {
    const generated = Object.keys(zodComponentSchemas());
    const missing: string[] = [];
    for (const [file, load] of Object.entries(validationModules)) {
      for (const value of Object.values(await load())) {
        const id = value instanceof z.ZodType ? value.meta()?.id : undefined;
        if (id && !generated.includes(id)) missing.push(`${id} (${file})`);
      }
    }
    expect(
      missing,
      "add the module to VALIDATION_MODULES in lib/openapi/zod-components.ts",
    ).toEqual([]);
  });

  it("lists GET /api/tasks's query parameters from the zod query schema, limits included", () => {
    const list = document.paths["/api/tasks"]?.get as Operation;
    const query = (list.parameters ?? []).filter((p) => p.in === "query");
    expect(query.map((p) => p.name).sort()).toEqual(
      Object.keys(taskQuery.taskListQuerySchema.shape).sort(),
    );
    const pageSize = query.find((p) => p.name === "page_size") as unknown as { schema: Json };
    expect(JSON.stringify(pageSize)).toContain(
      `larger values are taken as ${taskQuery.MAX_PAGE_SIZE}`,
    );
  });

  it("lets `page=last` and a list of statuses or priorities through Swagger UI's own checks", async () => {
    // Typed as a bare integer, `page=last` was refused by Try it out before it was sent.
    const ajv = new Ajv({ strict: false });
    for (const path of ["/api/tasks", "/api/users"]) {
      const page = (document.paths[path]?.get as Operation).parameters?.find(
        (p) => p.name === "page",
      ) as unknown as { schema: Json };
      const accepts = ajv.compile(page.schema);
      expect([accepts("last"), accepts(3), accepts(0), accepts("first")], path).toEqual([
        true,
        true,
        false,
        false,
      ]);
    }
    const list = (document.paths["/api/tasks"]?.get as Operation).parameters ?? [];
    for (const [name, values] of [
      ["status", ["TODO", "IN_PROGRESS", "DONE"]],
      ["priority", ["LOW", "MEDIUM", "HIGH", "URGENT"]],
    ] as const) {
      // A form-style array, unexploded, is sent as `status=TODO,DONE`: what the server reads.
      expect(list.find((p) => p.name === name)).toMatchObject({
        style: "form",
        explode: false,
        schema: { type: "array", items: { enum: values } },
      });
    }
  });
});

describe("GET /api/schema/", () => {
  it("serves the document as JSON, with and without the trailing slash", async () => {
    for (const url of ["/api/schema/", "/api/schema"]) {
      const res = await api<OpenApiDocument>("GET", url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
    }
  });

  it("serves the same document as YAML (what ?format=yaml is rewritten to)", async () => {
    const res = await api("GET", "/api/schema/yaml/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(parse(res.text)).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
