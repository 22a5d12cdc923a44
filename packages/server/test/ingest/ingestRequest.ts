/** Plain SurfaceRequests for the ingest handlers (they are framework-neutral on purpose). */
import type { Principal, SurfaceRequest } from '@audit-gateway/ir';
import { AuditError } from '@audit-gateway/ir';
import type { IngestKind, Db } from '@audit-gateway/store';
import { createIngestHandler } from '../../src/ingest/createIngestHandler';
import { checkIngestRequest } from '../../src/ingest/checkIngestRequest';
import { renderIngestError } from '../../src/ingest/renderIngestError';

export const T0 = 1714557600000;

export function fixturePrincipal(name: string, overrides: Partial<Principal> = {}): Principal {
  return {
    credentialId: `cred-${name}`,
    tenant: 'acme',
    name: `cred-${name}`,
    kind: 'token',
    roles: ['ingest:write'],
    environments: ['env-a', 'env-b'],
    policy: {},
    scheme: 'bearer',
    ...overrides,
  };
}

export const ING = fixturePrincipal('ing');
export const ROOT = fixturePrincipal('root', { roles: ['gateway:admin'], environments: [] });
export const SYS_ING = fixturePrincipal('sys-ing', { tenant: '_system', environments: [] });

const PATHS: Record<IngestKind, string> = {
  atlan: '/api/v1/ingest/atlan',
  atlas: '/api/v1/ingest/atlas',
  atomic: '/api/v1/ingest/atomic',
  typedef: '/api/v1/ingest/atlan/typedefs',
  entityHeader: '/api/v1/ingest/atlan/entities',
};

export interface SendOptions {
  readonly principal?: Principal;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly query?: [string, string][];
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** Runs the pre-role checks and the handler, rendering errors as the route would. */
export async function send(
  db: Db,
  kind: IngestKind,
  body: string | Buffer | unknown[],
  options: SendOptions = {},
): Promise<Answer> {
  const bytes = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const req: SurfaceRequest = {
    method: 'POST',
    path: PATHS[kind],
    params: {},
    query: options.query ?? [],
    headers: Object.fromEntries(
      Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    ),
    body: { kind: 'raw', bytes, contentType: options.contentType ?? 'application/json' },
    principal: options.principal ?? ING,
    requestId: '0123456789abcdef',
    now: Date.now(),
  };
  try {
    checkIngestRequest(req);
    const out = await createIngestHandler(db, kind)(req);
    return {
      status: out.status,
      headers: { ...(out.headers ?? {}) },
      body: out.body as Record<string, unknown>,
    };
  } catch (e) {
    if (!AuditError.is(e)) throw e;
    const r = renderIngestError(e, req.requestId);
    return { status: r.status, headers: r.headers, body: r.body as Record<string, unknown> };
  }
}

export const ndjson = (records: readonly unknown[]): string =>
  records.map((r) => JSON.stringify(r)).join('\n');
