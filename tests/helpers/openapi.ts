// Checks real responses against the published OpenAPI description (not against our own types).
import Ajv2020 from "ajv/dist/2020";
import { openApiDocument } from "@/lib/api/openapi";

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ ...openApiDocument(), $id: "openapi" });

/** Validates `body` against the response schema the document gives for this path, method and status. */
export function expectMatchesOpenApi(path: string, status: number, body: unknown) {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }> }>> };
  const response = doc.paths[path]?.get?.responses[String(status)];
  if (!response) throw new Error(`The OpenAPI description has no ${status} response for GET ${path}`);
  const pointer = response.content["application/json"].schema.$ref;
  const validate = ajv.getSchema(`openapi${pointer}`)!;
  if (!validate(body)) throw new Error(`GET ${path} ${status} does not match the OpenAPI description: ${ajv.errorsText(validate.errors)}`);
}
