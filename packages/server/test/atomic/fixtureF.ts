/**
 * Fixture F of spec/atomic-audit-log.md §11.1: tenants acme and globex (and `_system`), their
 * credentials, and the ingested entries A1-A8 (env-a), B0001-B1050 (env-b) and Z1 (globex env-z),
 * written through the store's ingest path so seq and txid follow the spec's tables.
 */
import type { Role } from '@audit-gateway/ir';
import { ingestBatch, type AtomicEntry, type Db } from '@audit-gateway/store';
import { createTestCredential } from '../../test-support/credentials';

export const W = 'to=2024-06-01T00:00:00Z';
const T0 = Date.parse('2024-05-01T10:00:00.000Z');

type Spec = readonly [string, Role[], string[]];
const TOKENS: Record<string, readonly [tenant: string, ...rest: Spec]> = {
  'tok-wb': ['acme', 'wb', ['atomic:workbench'], ['env-a', 'env-b', '_gateway']],
  'tok-wb-a': ['acme', 'wb-a', ['atomic:workbench'], ['env-a']],
  'tok-wb-none': ['acme', 'wb-none', ['atomic:workbench'], []],
  'tok-ing': ['acme', 'ing', ['ingest:write'], ['env-a', 'env-b']],
  'tok-atlan': ['acme', 'atlan', ['atlan:read'], []],
  'tok-glx': ['globex', 'glx', ['atomic:workbench', 'ingest:write'], ['env-z']],
  'tok-sys': ['_system', 'sys', ['atomic:workbench'], ['_gateway']],
  'tok-root': ['acme', 'root', ['gateway:admin'], []],
};

export interface FixtureF {
  /** Authorization header per token name of §11.1, plus `basic-atlas` */
  readonly auth: Record<string, string>;
  /** credential id per token name */
  readonly ids: Record<string, string>;
}

export function entry(id: string, over: Partial<AtomicEntry> & { created: number }): AtomicEntry {
  return {
    id,
    url: `/v1/env-a/things/${id}`,
    status: 200,
    auth: { type: 'clientCredentials', clientId: 'c-9' },
    ip: null,
    userAgent: null,
    method: 'GET',
    query: null,
    payload: null,
    source: 'customer-api',
    environmentId: 'env-a',
    time: null,
    resource: { type: 'card' },
    action: { type: 'read', description: null },
    ...over,
  };
}

const at = (s: number) => T0 + s * 1000;
const A: AtomicEntry[] = [
  entry('a1', {
    url: '/v1/env-a/action-flow/af-1/start',
    auth: { type: 'clientCredentials', clientId: 'c-1' },
    ip: '203.0.113.7',
    userAgent: 'atomic-client/1.0',
    method: 'POST',
    query: {},
    payload: '{"flows":[{"target":{"type":"user","targetUserIds":["u-1"]}}]}',
    time: 20.38,
    resource: { type: 'action_flow' },
    action: { type: 'create', description: 'Start an action flow' },
    created: at(0),
  }),
  entry('a2', {
    auth: { type: 'workbench', sub: 's-1', appClientId: 'app-1', accountId: 'acc-1' },
    source: 'workbench-api',
    resource: { type: 'card_template' },
    action: { type: 'read', description: null },
    created: at(1),
  }),
  entry('a3', {
    auth: { type: 'client', userId: 'u-7' },
    source: 'client-api',
    method: 'POST',
    status: 201,
    resource: { type: 'card' },
    action: { type: 'update', description: null },
    created: at(2),
  }),
  entry('a4', {
    auth: { type: 'signedPayload', connectorId: 'k-1' },
    method: 'POST',
    resource: { type: 'event' },
    action: { type: 'create', description: null },
    created: at(3),
  }),
  entry('a5', {
    auth: { type: 'workbench', sub: 's-2' },
    source: 'workbench-api',
    method: 'DELETE',
    status: 204,
    resource: { type: 'card_template' },
    action: { type: 'delete', description: null },
    created: at(4),
  }),
  entry('a6', {
    auth: { type: 'clientCredentials', clientId: 'c-1' },
    status: 404,
    resource: { type: 'action_flow' },
    action: { type: 'read', description: null },
    created: at(5),
  }),
  entry('a7', {
    auth: { type: 'clientCredentials', clientId: 'c-2' },
    resource: { type: 'action_flow' },
    action: { type: 'read', description: null },
    created: at(5),
  }),
  entry('a8', {
    auth: { type: 'workbench', sub: 's-1' },
    source: 'workbench-api',
    method: 'PUT',
    status: 500,
    resource: { type: 'environment' },
    action: { type: 'update', description: null },
    created: at(6),
  }),
];

/** The A1 JSON exactly as ingested (§11.1). */
export const A1_JSON = {
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

export const bId = (i: number) => `b${String(i).padStart(4, '0')}`;

export async function ingestAtomic(db: Db, tenant: string, records: AtomicEntry[]): Promise<void> {
  const out = await ingestBatch(db, { tenant, batch: { kind: 'atomic', records } });
  if (out.kind !== 'stored') throw new Error(`fixture ingest: ${out.kind}`);
}

export async function createFixtureF(db: Db): Promise<FixtureF> {
  const auth: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const [token, [tenant, name, roles, environments]] of Object.entries(TOKENS)) {
    const c = await createTestCredential(db, {
      tenant,
      name,
      roles,
      environments,
      secret: `${token}-secret-0123456789abcdef`,
    });
    auth[token] = c.authorization;
    ids[token] = c.id;
  }
  const atlas = await createTestCredential(db, {
    tenant: 'acme',
    name: 'atlas-admin',
    kind: 'password',
    roles: ['atlas:admin'],
    secret: 's3cret-pw',
  });
  auth['basic-atlas'] = atlas.authorization;
  ids['basic-atlas'] = atlas.id;

  await ingestAtomic(db, 'acme', A);
  const B = Array.from({ length: 1050 }, (_, k) =>
    entry(bId(k + 1), {
      environmentId: 'env-b',
      url: `/v1/env-b/cards/${k + 1}`,
      created: Date.parse('2024-05-02T00:00:00.000Z') + (k + 1) * 1000,
    }),
  );
  await ingestAtomic(db, 'acme', B);
  await ingestAtomic(db, 'globex', [entry('z1', { environmentId: 'env-z', created: at(0) })]);
  return { auth, ids };
}
