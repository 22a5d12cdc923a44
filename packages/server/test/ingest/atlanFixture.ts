/** Fixture G's Atlan records (spec/ingest.md §11.1), in their wire shape. */
import { T0 } from './ingestRequest';

export const L1 = {
  entityId: 'g1',
  action: 'ENTITY_CREATE',
  typeName: 'Table',
  entityQualifiedName: 'db.orders',
  user: 'alice',
  timestamp: T0,
  created: T0 + 3,
  detail: {
    typeName: 'Table',
    guid: 'g1',
    status: 'ACTIVE',
    attributes: {
      qualifiedName: 'db.orders',
      name: 'orders',
      description: 'first',
      certificateStatus: 'DRAFT',
    },
    createdBy: 'alice',
    createTime: T0,
    updatedBy: 'alice',
    updateTime: T0,
  },
  headers: { 'x-atlan-agent': 'sdk' },
};

export const L2 = {
  entityId: 'g1',
  action: 'ENTITY_UPDATE',
  typeName: 'Table',
  entityQualifiedName: 'db.orders',
  user: 'bob',
  timestamp: T0 + 1000,
  created: T0 + 1002,
  detail: {
    typeName: 'Table',
    guid: 'g1',
    attributes: { description: 'second', certificateStatus: null },
  },
};

export const L3 = {
  entityId: 'g2',
  action: 'ENTITY_CREATE',
  typeName: 'Column',
  entityQualifiedName: 'db.orders.id',
  user: 'alice',
  timestamp: T0 + 500,
  created: T0 + 502,
  detail: {
    typeName: 'Column',
    guid: 'g2',
    status: 'ACTIVE',
    attributes: { qualifiedName: 'db.orders.id', name: 'id' },
    createdBy: 'alice',
    createTime: T0 + 500,
  },
};

export const A1 = {
  id: 'a1',
  url: '/v1/env-a/action-flow/af-1/start',
  status: 200,
  auth: { type: 'clientCredentials', clientId: 'c-1' },
  ip: '203.0.113.7',
  userAgent: 'atomic-client/1.0',
  method: 'POST',
  query: {},
  payload: '{"flows":[{"target":{"type":"user","targetUserIds":["u-1"]}}]}',
  source: 'customer-api',
  organisationId: 'acme',
  environmentId: 'env-a',
  time: 20.38,
  resource: { type: 'action_flow' },
  action: { type: 'create', description: 'Start an action flow' },
  created: '2024-05-01T10:00:00.000Z',
};

export function atomicEntry(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    url: '/v1/env-a/cards',
    status: 200,
    auth: { type: 'workbench', sub: 's-1' },
    method: 'GET',
    source: 'workbench-api',
    environmentId: 'env-a',
    created: '2024-05-03T10:00:00.000Z',
    ...overrides,
  };
}
