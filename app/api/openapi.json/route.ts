// GET /api/openapi.json: the OpenAPI 3.1 description of this API.
import { withApiErrors } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

export const GET = withApiErrors("GET /api/openapi.json", () => Response.json(openApiDocument()));
