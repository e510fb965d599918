import { stringify } from "yaml";
import { openApiDocument } from "@/lib/openapi/document";

// `/api/schema/?format=yaml` is rewritten here (next.config.mjs): a static route cannot read its
// query string, and the document must be built at build time (see ../route.ts).
export const dynamic = "force-static";

/**
 * @swagger
 * /api/schema/yaml/:
 *   get:
 *     summary: This OpenAPI document as YAML
 *     description: The same document as `GET /api/schema?format=yaml`.
 *     operationId: getSchemaYaml
 *     tags: [System]
 *     security: []
 *     responses:
 *       "200":
 *         description: The OpenAPI 3.0 document in YAML.
 *         content:
 *           application/yaml:
 *             schema: { type: string }
 */
export function GET() {
  return new Response(stringify(openApiDocument(), { aliasDuplicateObjects: false }), {
    headers: { "Content-Type": "application/yaml; charset=utf-8" },
  });
}
