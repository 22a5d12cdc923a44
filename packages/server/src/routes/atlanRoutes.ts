/**
 * The atlan rows of the route table (DESIGN §1.1, spec/atlan-auditsearch.md §1 and §7). Body-level
 * validation runs before the role check (spec §1.4 step 2b), so a credential without the role
 * still gets `400 {"error"}` for a malformed body.
 */
import {
  createAtlanHandlers,
  parseAtlanBody,
  renderAtlanError,
  renderAtlanTypedefsError,
} from '@audit-gateway/atlan';
import { loadEntityHeaders, loadTypedefs } from '@audit-gateway/store';
import type { AppDeps, Route } from '../app/types';

const AUDIT_SEARCH_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dsl: {
      type: ['object', 'null'],
      description:
        'Elasticsearch search body: query, from, size, sort, search_after, track_total_hits, post_filter, aggs',
    },
    attributes: { type: ['array', 'null'], items: { type: 'string' } },
    suppressLogs: { type: ['boolean', 'null'] },
  },
  examples: [
    {
      dsl: {
        from: 0,
        size: 10,
        sort: [{ created: { order: 'desc' } }],
        query: { bool: { filter: [{ term: { entityId: { value: '<guid>' } } }] } },
      },
      attributes: ['name'],
    },
  ],
} as const;

export function atlanRoutes(deps: AppDeps): Route[] {
  const handlers = createAtlanHandlers({
    search: deps.search,
    loadEntityHeaders: (tenant, guids) => loadEntityHeaders(deps.db, tenant, guids),
    loadTypedefs: (tenant, categories) => loadTypedefs(deps.db, tenant, categories),
  });
  return [
    {
      method: 'POST',
      paths: ['/api/meta/entity/auditSearch', '/api/atlas/v2/entity/auditSearch'],
      surface: 'atlan',
      auth: ['bearer'],
      role: 'atlan:read',
      renderError: renderAtlanError,
      body: { kind: 'json' },
      checkBeforeRole: (req) => void parseAtlanBody(req.body),
      record: {
        source: 'atlan-api',
        resourceType: 'entity_audit',
        action: 'read',
        description: 'Search entity audit events',
      },
      handle: handlers.auditSearch,
      doc: {
        summary: 'Search entity audit events with the Elasticsearch query DSL (Atlan auditSearch)',
        tags: ['atlan'],
        requestBody: AUDIT_SEARCH_BODY,
        responses: {
          200: { description: 'entityAudits, aggregations, count, totalCount, linkedEntities' },
          400: {
            description: '{"error"} for a malformed body; ATLAS-400-00-029 for an invalid DSL',
          },
          401: { description: 'ATLAS-401-00-001' },
          403: { description: 'ATLAS-403-00-001: the credential lacks atlan:read' },
        },
      },
    },
    {
      method: 'GET',
      paths: ['/api/meta/types/typedefs', '/api/atlas/v2/types/typedefs'],
      surface: 'atlan',
      auth: ['bearer'],
      role: 'atlan:read',
      renderError: renderAtlanTypedefsError,
      body: { kind: 'none' },
      record: {
        source: 'atlan-api',
        resourceType: 'typedef',
        action: 'read',
        description: 'List type definitions',
      },
      handle: handlers.typedefs,
      doc: {
        summary: 'Type definitions (tags and structs) for the Atlan SDKs',
        tags: ['atlan'],
        query: {
          type: {
            type: 'string',
            description:
              'Repeatable: CLASSIFICATION, STRUCT, ENTITY, ENUM, RELATIONSHIP, BUSINESS_METADATA',
          },
        },
        responses: {
          200: {
            description:
              'enumDefs, structDefs, classificationDefs, entityDefs, relationshipDefs, businessMetadataDefs',
          },
        },
      },
    },
  ];
}
