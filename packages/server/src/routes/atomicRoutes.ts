/**
 * The atomic rows of the route table (DESIGN §1.1; spec/atomic-audit-log.md §2): the audit log of
 * one environment, and of the credential's default one. The cursor keys are loaded once, lazily,
 * from the config or `store_meta`; a failed load (database down) is retried by the next request.
 */
import { createAtomicHandlers, renderAtomicError } from '@audit-gateway/atomic';
import { loadCursorKeys, type Db } from '@audit-gateway/store';
import type { AppDeps, Route, RouteDoc } from '../app/types';

function memoisedKeys(
  db: Db,
  configured: readonly Buffer[] | undefined,
): () => Promise<readonly Buffer[]> {
  let loading: Promise<readonly Buffer[]> | undefined;
  return () => {
    loading ??= loadCursorKeys(db, configured).catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}

const list = (item: Record<string, unknown>, about: string) => ({
  type: 'string',
  description: `${about} Comma-separated, 1 to 20 items. Gateway extension.`,
  'x-extension': true,
  'x-items': item,
});

const DOC: RouteDoc = {
  summary: 'List audit log entries',
  description:
    'Atomic Audit Log API. desc (default): newest first, `cursor` is null at the end. ' +
    'order=asc: tail mode by commit visibility; every page has a cursor, store it and poll.',
  tags: ['atomic'],
  query: {
    authType: {
      type: 'string',
      enum: ['client', 'clientCredentials', 'signedPayload', 'workbench'],
    },
    limit: {
      type: 'string',
      pattern: '^[0-9]{1,4}$',
      description: '1 to 1000, default 100; never clamped',
    },
    cursor: {
      type: 'string',
      maxLength: 4096,
      description: 'opaque; copied from the previous response',
    },
    order: {
      type: 'string',
      enum: ['desc', 'asc'],
      description: 'Gateway extension.',
      'x-extension': true,
    },
    from: {
      type: 'string',
      description:
        'created ≥ from: epoch ms, ISO-8601 with offset, or YYYY-MM-DD. Gateway extension.',
      'x-extension': true,
    },
    to: {
      type: 'string',
      description: 'created < to; same forms as from. Gateway extension.',
      'x-extension': true,
    },
    source: list({ type: 'string' }, 'Entry sources.'),
    resourceType: list(
      { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
      'resource.type values.',
    ),
    actionType: list({ type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' }, 'action.type values.'),
    method: list({ type: 'string', pattern: '^[A-Za-z]{1,16}$' }, 'HTTP methods, any case.'),
    status: list(
      { type: 'string', pattern: '^([1-5][0-9]{2}|[1-5][xX]{2})$' },
      'Status codes or classes (4xx).',
    ),
  },
  responses: {
    200: {
      description: '{ data: entries, cursor }',
      schema: {
        type: 'object',
        required: ['data', 'cursor'],
        properties: {
          data: { type: 'array', items: { type: 'object' } },
          cursor: { type: ['string', 'null'] },
        },
      },
    },
    400: { description: 'AQ100, AQ140, AQ141 (parameters), AQ120, AQ121 (cursor)' },
    401: { description: 'AQ401' },
    403: { description: 'AQ403 (role), AQ430 (environment)' },
    429: { description: 'AQ429' },
    503: { description: 'AQ503' },
  },
};

export function atomicRoutes(deps: AppDeps): Route[] {
  const { auditLog } = createAtomicHandlers({
    search: deps.search,
    cursorKeys: memoisedKeys(deps.db, deps.config.cursorKeys),
  });
  return [
    {
      method: 'GET',
      paths: ['/v1/:environmentId/audit-log', '/audit-log'],
      surface: 'atomic',
      auth: ['bearer'],
      role: 'atomic:workbench',
      renderError: renderAtomicError,
      body: { kind: 'none' },
      record: {
        source: 'atomic-api',
        resourceType: 'audit_log',
        action: 'read',
        description: 'List audit log entries',
      },
      handle: auditLog,
      doc: DOC,
    },
  ];
}
