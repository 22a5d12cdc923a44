/**
 * The OpenAPI 3 document served at /docs, generated from the route table so that no route can be
 * missing from it (a test checks that every row has a path here).
 */
import type { Route } from '../app/types';

const SECURITY: Record<string, Record<string, string[]>> = {
  bearer: { bearerAuth: [] },
  basic: { basicAuth: [] },
};

function openApiPath(template: string): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function buildOpenApi(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    for (const template of route.paths) {
      const path = openApiPath(template);
      const params = [...template.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      const query = Object.entries(route.doc?.query ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: false,
        schema,
      }));
      const responses: Record<string, unknown> = {};
      for (const [status, r] of Object.entries(
        route.doc?.responses ?? { 200: { description: 'OK' } },
      )) {
        responses[status] = r.schema
          ? { description: r.description, content: { 'application/json': { schema: r.schema } } }
          : { description: r.description };
      }
      paths[path] ??= {};
      paths[path][route.method.toLowerCase()] = {
        summary: route.doc?.summary ?? (route.record ? route.record.description : path),
        ...(route.doc?.description ? { description: route.doc.description } : {}),
        tags: route.doc?.tags ?? [route.surface],
        ...(route.auth.length > 0
          ? { security: route.auth.map((s) => SECURITY[s]) }
          : { security: [] }),
        ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
        ...(route.doc?.requestBody
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: route.doc.requestBody } },
              },
            }
          : {}),
        responses,
        ...(route.role ? { 'x-required-role': route.role } : {}),
      };
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'audit-gateway',
      version,
      description:
        'One audit store behind the Atlan auditSearch, Apache Atlas admin-audit and Atomic audit-log APIs, with a native ingest API.',
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        basicAuth: { type: 'http', scheme: 'basic' },
      },
    },
    paths,
  };
}
