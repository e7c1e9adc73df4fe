// periodic-reports in the API (issue 4). Registered by createApiApp; operations land with the capability.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppServices } from "../platform/http/request-context.ts";
import type { ApiEnv } from "./problems.ts";

export function registerPeriodicReportRoutes(
  _app: OpenAPIHono<ApiEnv>,
  _services: AppServices,
): void {}
