/**
 * The fixed demo set of `audit-gateway seed --demo` (spec/ingest.md §9.6): a few assets with a
 * history on the Atlan surface, their tag definitions, Atlas admin entries including a PURGE (so a
 * derived ENTITY_PURGE shows on both surfaces) and Atomic entries in environment `demo`. Fixed
 * values only, so seeding twice stores nothing new.
 */
const T = Date.UTC(2024, 4, 1, 9, 0, 0);
const min = 60_000;

const TAGS = [
  ['dmoPii000000000000001', 'PII'],
  ['dmoGold00000000000002', 'Gold'],
] as const;

export const DEMO_TYPEDEFS = TAGS.map(([name, displayName], i) => ({
  category: 'CLASSIFICATION',
  name,
  displayName,
  guid: `00000000-0000-4000-8000-00000000000${i + 1}`,
  description: `${displayName} data`,
  attributeDefs: [],
  superTypes: [],
  entityTypes: [],
  options: { color: i === 0 ? 'Red' : 'Yellow' },
}));

const ASSETS = [
  [
    '11111111-1111-4111-8111-111111111111',
    'Table',
    'default/snowflake/1714550000/SALES/PUBLIC/ORDERS',
    'orders',
  ],
  [
    '22222222-2222-4222-8222-222222222222',
    'Column',
    'default/snowflake/1714550000/SALES/PUBLIC/ORDERS/ID',
    'id',
  ],
  [
    '33333333-3333-4333-8333-333333333333',
    'View',
    'default/snowflake/1714550000/SALES/PUBLIC/ORDERS_V',
    'orders_v',
  ],
] as const;

function atlan(asset: number, action: string, at: number, user: string, detail: object | null) {
  const [guid, typeName, qualifiedName] = ASSETS[asset]!;
  return {
    entityId: guid,
    action,
    typeName,
    entityQualifiedName: qualifiedName,
    user,
    timestamp: T + at,
    created: T + at + 3,
    detail,
    headers: { 'x-atlan-agent': 'sdk', 'x-atlan-agent-id': 'python' },
  };
}

function create(asset: number, at: number) {
  const [guid, typeName, qualifiedName, name] = ASSETS[asset]!;
  return atlan(asset, 'ENTITY_CREATE', at, 'alice', {
    typeName,
    guid,
    status: 'ACTIVE',
    attributes: { qualifiedName, name, description: `The ${name} ${typeName.toLowerCase()}` },
    createdBy: 'alice',
    createTime: T + at,
    classifications: [],
    labels: [],
  });
}

export const DEMO_ATLAN = [
  create(0, 0),
  create(1, 1 * min),
  create(2, 2 * min),
  atlan(0, 'ENTITY_UPDATE', 10 * min, 'bob', {
    typeName: 'Table',
    guid: ASSETS[0][0],
    attributes: { description: 'All customer orders', certificateStatus: 'VERIFIED' },
  }),
  atlan(0, 'CLASSIFICATION_ADD', 20 * min, 'bob', {
    typeName: TAGS[1][0],
    entityGuid: ASSETS[0][0],
    entityStatus: 'ACTIVE',
    propagate: false,
  }),
  atlan(1, 'CLASSIFICATION_ADD', 21 * min, 'carol', {
    typeName: TAGS[0][0],
    entityGuid: ASSETS[1][0],
    entityStatus: 'ACTIVE',
    propagate: true,
  }),
  atlan(0, 'LABEL_ADD', 30 * min, 'service-account-apikey-0f3c8b2e-demo', { labels: 'sales core' }),
  atlan(2, 'ENTITY_DELETE', 40 * min, 'bob', {
    typeName: 'View',
    guid: ASSETS[2][0],
    attributes: { qualifiedName: ASSETS[2][2] },
  }),
];

export const DEMO_ATLAS = [
  {
    guid: 'd0000000-0000-4000-8000-000000000001',
    userName: 'admin',
    operation: 'SERVER_START',
    startTime: T - 60 * min,
    endTime: T - 60 * min + 1200,
    clientId: '10.0.0.1',
  },
  {
    guid: 'd0000000-0000-4000-8000-000000000002',
    userName: 'admin',
    operation: 'TYPE_DEF_CREATE',
    params: TAGS.map(([n]) => n).join(','),
    startTime: T - 30 * min,
    endTime: T - 30 * min + 80,
    clientId: '10.0.0.1',
    result: JSON.stringify({ classificationDefs: TAGS.map(([name]) => ({ name })) }),
    resultCount: TAGS.length,
  },
  {
    guid: 'd0000000-0000-4000-8000-000000000003',
    userName: 'admin',
    operation: 'EXPORT',
    startTime: T + 50 * min,
    endTime: T + 50 * min + 450,
    clientId: '10.0.0.7',
    result: JSON.stringify({ Table: 1, Column: 1 }),
    resultCount: 2,
  },
  {
    guid: 'd0000000-0000-4000-8000-000000000004',
    userName: 'admin',
    operation: 'PURGE',
    params: `[${ASSETS[2][0]}]`,
    startTime: T + 60 * min,
    endTime: T + 60 * min + 200,
    clientId: '10.0.0.1',
    result: ASSETS[2][0],
    resultCount: 1,
  },
];

const ROUTES = [
  [
    'POST',
    '/v1/demo/action-flow/af-1/start',
    'action_flow',
    'create',
    'Start an action flow',
    'customer-api',
    200,
  ],
  ['GET', '/v1/demo/cards', 'card', 'read', 'List cards', 'client-api', 200],
  [
    'PUT',
    '/v1/demo/card-templates/ct-9',
    'card_template',
    'update',
    'Save a card template',
    'workbench-api',
    200,
  ],
  [
    'GET',
    '/v1/demo/card-templates/ct-404',
    'card_template',
    'read',
    'Read a card template',
    'workbench-api',
    404,
  ],
] as const;

export const DEMO_ATOMIC = Array.from({ length: 8 }, (_, i) => {
  const [method, url, resource, action, description, source, status] = ROUTES[i % ROUTES.length]!;
  const auth =
    source === 'workbench-api'
      ? {
          type: 'workbench',
          sub: 'auth0|demo-user',
          appClientId: 'app-demo',
          accountId: 'acc-demo',
        }
      : source === 'client-api'
        ? { type: 'client', userId: `u-${i}` }
        : { type: 'clientCredentials', clientId: 'demo-client' };
  return {
    id: `demo-${String(i + 1).padStart(4, '0')}`,
    url,
    status,
    auth,
    ip: '203.0.113.10',
    userAgent: 'atomic-client/1.0',
    method,
    query: method === 'GET' ? { limit: '20' } : {},
    payload: method === 'GET' ? null : JSON.stringify({ demo: true, step: i }),
    source,
    environmentId: 'demo',
    time: 12.5 + i,
    resource: { type: resource },
    action: { type: action, description },
    created: new Date(T + i * 5 * min).toISOString(),
  };
});
