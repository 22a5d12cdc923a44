/** The gateway's own rows (DESIGN §1.1): docs, health, readiness and metrics. */
import { renderProblem } from '@audit-gateway/ir';
import type { AppDeps, Route } from '../app/types';
import { buildOpenApi } from '../docs/buildOpenApi';
import type { Readiness } from '../health/checkReadiness';
import type { Metrics } from '../observability/metrics';

export interface GatewayExtras {
  readonly metrics: Metrics;
  readonly readiness: () => Promise<Readiness>;
  /** the whole table, for the OpenAPI document */
  readonly allRoutes: () => readonly Route[];
  readonly version: string;
}

const NONE = { kind: 'none' } as const;

export function gatewayRoutes(_deps: AppDeps, extras: GatewayExtras): Route[] {
  let openApi: Record<string, unknown> | undefined;
  const base = {
    surface: 'gateway',
    auth: [],
    renderError: renderProblem,
    body: NONE,
    rateLimited: false,
  } as const;
  return [
    {
      ...base,
      method: 'GET',
      paths: ['/healthz'],
      record: false,
      doc: { summary: 'Liveness: the process is up', tags: ['gateway'] },
      handle: () => Promise.resolve({ status: 200, body: { status: 'ok' } }),
    },
    {
      ...base,
      method: 'GET',
      paths: ['/readyz'],
      record: false,
      doc: {
        summary: 'Readiness: the database is reachable and migrated',
        tags: ['gateway'],
        responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } },
      },
      handle: async () => {
        const r = await extras.readiness();
        return r.ready
          ? { status: 200, body: { status: 'ready' } }
          : {
              status: 503,
              headers: { 'Retry-After': '5' },
              body: { status: 'unavailable', reason: r.reason },
            };
      },
    },
    {
      ...base,
      method: 'GET',
      paths: ['/metrics'],
      record: false,
      doc: { summary: 'Prometheus metrics', tags: ['gateway'] },
      handle: async () => ({
        status: 200,
        headers: { 'Content-Type': extras.metrics.registry.contentType },
        body: await extras.metrics.registry.metrics(),
      }),
    },
    {
      ...base,
      method: 'GET',
      paths: ['/docs', '/docs/openapi.json'],
      // unlike the probes, /docs counts against the client IP (spec/credentials.md §7.1)
      rateLimited: true,
      record: {
        source: 'gateway-api',
        resourceType: 'docs',
        action: 'read',
        description: 'Read the API documentation',
      },
      doc: { summary: 'This OpenAPI document', tags: ['gateway'] },
      handle: () => {
        openApi ??= buildOpenApi(extras.allRoutes(), extras.version);
        return Promise.resolve({ status: 200, body: openApi });
      },
    },
  ];
}
