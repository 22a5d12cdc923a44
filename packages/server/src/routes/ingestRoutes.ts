import type { IngestKind } from '@audit-gateway/store';
import type { AppDeps, Route } from '../app/types';
import { checkIngestRequest, INGEST_MEDIA_TYPES } from '../ingest/checkIngestRequest';
import { createIngestHandler } from '../ingest/createIngestHandler';
import { BODY_LIMIT_BYTES, renderIngestError } from '../ingest/renderIngestError';

interface IngestEndpoint {
  readonly path: string;
  readonly kind: IngestKind;
  readonly resourceType: string;
  readonly description: string;
}

/** spec/ingest.md §1, with the recorder's names of spec/atomic-audit-log.md §9.4. */
const ENDPOINTS: readonly IngestEndpoint[] = [
  {
    path: '/api/v1/ingest/atlan',
    kind: 'atlan',
    resourceType: 'entity_audit',
    description: 'Ingest Atlan entity audit records',
  },
  {
    path: '/api/v1/ingest/atlas',
    kind: 'atlas',
    resourceType: 'admin_audit',
    description: 'Ingest Atlas admin audit entries',
  },
  {
    path: '/api/v1/ingest/atomic',
    kind: 'atomic',
    resourceType: 'audit_log',
    description: 'Ingest Atomic audit-log entries',
  },
  {
    path: '/api/v1/ingest/atlan/typedefs',
    kind: 'typedef',
    resourceType: 'typedef',
    description: 'Ingest type definitions',
  },
  {
    path: '/api/v1/ingest/atlan/entities',
    kind: 'entityHeader',
    resourceType: 'entity',
    description: 'Ingest entity headers',
  },
];

/** The ingest rows of the route table (DESIGN §1.1). */
export function ingestRoutes(deps: AppDeps): Route[] {
  return ENDPOINTS.map((e) => ({
    method: 'POST',
    paths: [e.path],
    surface: 'ingest',
    auth: ['bearer'],
    role: 'ingest:write',
    renderError: renderIngestError,
    body: { kind: 'raw', limitBytes: BODY_LIMIT_BYTES, mediaTypes: INGEST_MEDIA_TYPES },
    checkBeforeBody: checkIngestRequest,
    record: {
      source: 'ingest-api',
      resourceType: e.resourceType,
      action: 'create',
      description: e.description,
    },
    handle: createIngestHandler(deps.db, e.kind),
    doc: {
      summary: e.description,
      tags: ['ingest'],
      description:
        'A JSON array or NDJSON of records, validated as a whole and written in one transaction (spec/ingest.md).',
      responses: {
        200: { description: '{ingested, duplicates}' },
        422: { description: 'invalid records, every one listed; nothing written' },
        413: { description: 'body, record-count or derived-event limit exceeded' },
      },
    },
  }));
}
