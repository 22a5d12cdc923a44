/**
 * The Atlas rows of the route table (DESIGN §1.1, spec/atlas-admin-audits.md §1): admin audit
 * search (E1, with the vendor documentation's singular alias), audit details (E2) and per-entity
 * history (E3). Path parameter names matter: the renderer picks each endpoint's 403 text from them.
 */
import {
  atlasErrorSchema,
  auditEntrySchema,
  auditRequestSchema,
  checkAdminAuditsRequest,
  checkAuditDetailsRequest,
  checkEntityAuditRequest,
  createAtlasHandlers,
  createEntityStateLookup,
  entityAuditEventSchema,
  entityHeaderSchema,
  renderAtlasError,
} from '@audit-gateway/atlas';
import type { AppDeps, Route } from '../app/types';

const COMMON = {
  surface: 'atlas',
  auth: ['basic', 'bearer'],
  role: 'atlas:admin',
  renderError: renderAtlasError,
} as const;

const errors = {
  400: { description: 'invalid request (`{error}` or Atlas error body)', schema: atlasErrorSchema },
  401: { description: 'authentication failed', schema: atlasErrorSchema },
  403: { description: 'role atlas:admin missing', schema: atlasErrorSchema },
} as const;

const limitParam = { type: 'string', pattern: '^[+-]?[0-9]+$' } as const;

export function atlasRoutes(deps: AppDeps): Route[] {
  const handlers = createAtlasHandlers({
    search: deps.search,
    entityState: createEntityStateLookup(deps.db),
  });
  return [
    {
      ...COMMON,
      method: 'POST',
      paths: ['/api/atlas/admin/audits', '/api/atlas/admin/audit'],
      body: { kind: 'json' },
      checkBeforeRole: checkAdminAuditsRequest,
      record: {
        source: 'atlas-api',
        resourceType: 'admin_audit',
        action: 'read',
        description: 'Search admin audit entries',
      },
      handle: handlers.adminAudits,
      doc: {
        summary: 'Search Atlas admin audit entries',
        description:
          'Apache Atlas AuditSearchParameters: nested AND/OR filter criteria, Atlas operator ' +
          'spellings, limit/offset and sortBy/sortOrder. Also served with a trailing slash.',
        tags: ['atlas'],
        requestBody: auditRequestSchema,
        responses: {
          200: {
            description: 'matching entries',
            schema: { type: 'array', items: auditEntrySchema },
          },
          ...errors,
          415: { description: 'Content-Type is not application/json', schema: atlasErrorSchema },
        },
      },
    },
    {
      ...COMMON,
      method: 'GET',
      paths: ['/api/atlas/admin/audit/:auditGuid/details'],
      body: { kind: 'none' },
      checkBeforeRole: checkAuditDetailsRequest,
      record: {
        source: 'atlas-api',
        resourceType: 'admin_audit',
        action: 'read',
        description: 'List entity headers of an admin audit entry',
      },
      handle: handlers.auditDetails,
      doc: {
        summary: 'Entity headers of the GUIDs a PURGE entry purged',
        tags: ['atlas'],
        query: { limit: limitParam, offset: limitParam },
        responses: {
          200: {
            description: 'entity headers',
            schema: { type: 'array', items: entityHeaderSchema },
          },
          ...errors,
          404: { description: 'no such visible entry', schema: atlasErrorSchema },
        },
      },
    },
    {
      ...COMMON,
      method: 'GET',
      paths: ['/api/atlas/v2/entity/:guid/audit'],
      body: { kind: 'none' },
      checkBeforeRole: checkEntityAuditRequest,
      record: {
        source: 'atlas-api',
        resourceType: 'entity_audit',
        action: 'read',
        description: 'List audit events of one entity',
      },
      handle: handlers.entityAudit,
      doc: {
        summary: "One entity's audit history (EntityAuditEventV2)",
        tags: ['atlas'],
        query: {
          auditAction: { type: 'string' },
          count: limitParam,
          limit: limitParam,
          offset: limitParam,
          sortBy: { enum: ['timestamp', 'user', 'action'] },
          sortOrder: { enum: ['asc', 'ascending', 'desc', 'descending'] },
          startKey: { type: 'string' },
        },
        responses: {
          200: { description: 'events', schema: { type: 'array', items: entityAuditEventSchema } },
          ...errors,
          404: { description: 'unknown or invisible entity', schema: atlasErrorSchema },
        },
      },
    },
  ];
}
