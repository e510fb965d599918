import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/document";

// Built once by `next build` from the route sources and zod schemas, so a deployed build that
// ships without app/ still serves the whole document. No wrapper: there is no caller to
// authenticate or rate-limit at build time, and the response is the same for everyone.
export const dynamic = "force-static";

/**
 * @swagger
 * /api/schema/:
 *   get:
 *     summary: This OpenAPI document
 *     description: >-
 *       JSON by default; `?format=yaml` answers the same document as YAML. Import either into
 *       Postman or any OpenAPI client generator. Any other `format` is 404, as in DRF.
 *     operationId: getSchema
 *     tags: [System]
 *     security: []
 *     parameters:
 *       - name: format
 *         in: query
 *         required: false
 *         schema: { type: string, enum: [json, yaml], default: json }
 *     responses:
 *       "200":
 *         description: The OpenAPI 3.0 document.
 *         content:
 *           application/json:
 *             schema: { type: object, additionalProperties: true }
 *             example: { openapi: 3.0.3, info: { title: ETUMS API, version: 1.0.0 }, paths: {} }
 *           application/yaml:
 *             schema: { type: string }
 *       "404": { $ref: '#/components/responses/NotFound' }
 */
export function GET() {
  return NextResponse.json(openApiDocument());
}
