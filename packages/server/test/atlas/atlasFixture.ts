/**
 * The conformance fixture of spec/atlas-admin-audits.md §12.1, ingested through the store's real
 * write path (so the derived purge events D1–D7 and the entity state come from ingest), and the
 * seven credentials C1–C7.
 */
import type { AtlanRecord, AtlasEntry, Db } from '@audit-gateway/store';
import { ingestBatch } from '@audit-gateway/store';
import { createTestCredential } from '../../test-support/credentials';

export const NOW = Date.parse('2019-12-14T10:00:00Z');

const guid = (n: number) => `aaaaaaaa-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

const event = (
  entityId: string,
  action: string,
  user: string,
  timestamp: number,
  created: number,
  detail: Record<string, unknown>,
): AtlanRecord => ({
  entityId,
  action,
  typeName: 'hive_table',
  entityQualifiedName: 'db1.t1@cl1',
  user,
  timestamp,
  created,
  eventKey: `${entityId}:${timestamp}`,
  detail,
  headers: null,
});

export const ENTITY_EVENTS: readonly AtlanRecord[] = [
  event('g1', 'ENTITY_CREATE', 'alice', 1575900000000, 1575900000004, {
    typeName: 'hive_table',
    guid: 'g1',
    status: 'ACTIVE',
    attributes: { qualifiedName: 'db1.t1@cl1', name: 't1' },
  }),
  event('g1', 'CLASSIFICATION_ADD', 'bob', 1575950000000, 1575950000003, {
    typeName: 'PII',
    entityGuid: 'g1',
    propagate: true,
  }),
  event('g1', 'ENTITY_DELETE', 'admin', 1576261000000, 1576261000002, {
    typeName: 'hive_table',
    guid: 'g1',
    status: 'DELETED',
    attributes: { qualifiedName: 'db1.t1@cl1' },
  }),
];

type Row = [
  string,
  string,
  number,
  number | null,
  string | null,
  string | null,
  string | null,
  number,
];
// userName, operation, startTime, endTime, clientId, params, result, resultCount
const ROWS: readonly Row[] = [
  ['admin', 'PURGE', 1576261685009, 1576261685197, '10.16.1.255', '[g1, g2]', 'g1,g2,g3', 3],
  ['admin', 'PURGE', 1576028426951, 1576028427165, '10.16.1.255', '[g4]', 'g4', 1],
  ['administrator', 'PURGE', 1576100000000, 1576100000300, '10.0.0.7', '[g5]', 'g5', 1],
  ['admin', 'AUTO_PURGE', 1576200000000, 1576200000100, null, '[g6]', 'g6', 1],
  ['svc-admin', 'PURGE', 1576150000000, null, '10.0.0.9', '[g7, g8]', 'g7', 1],
  ['bob', 'EXPORT', 1576300000000, 1576300000500, '10.0.0.7', '{"operationStatus":"SUCCESS"}', '{"hive_table":2}', 2],
  ['Bob', 'IMPORT', 1576310000000, 1576310000900, '10.0.0.8', '{"operationStatus":"PARTIAL_SUCCESS"}', '{"entity:hive_table:created":3}', 3],
  ['admin', 'TYPE_DEF_CREATE', 1576050000000, 1576050000020, '10.16.1.255', 'ENTITY,CLASSIFICATION', '{"ENTITY":[{"name":"t1"}],"CLASSIFICATION":[{"name":"PII"}]}', 2],
  ['atlas', 'SERVER_START', 1576000000000, 1576000005000, null, null, null, 0],
  ['atlas', 'SERVER_STATE_ACTIVE', 1576000005000, 1576000005000, 'host1:10.0.0.1', null, null, 0],
]; // prettier-ignore

const entry = (n: number, r: Row): AtlasEntry => ({
  guid: guid(n),
  userName: r[0],
  operation: r[1],
  startTime: r[2],
  endTime: r[3],
  clientId: r[4],
  params: r[5],
  result: r[6],
  resultCount: r[7],
  runId: null,
  auditRowKind: null,
});

export const ADMIN_ENTRIES: readonly AtlasEntry[] = ROWS.map((r, i) => entry(i + 1, r));
export const A99: AtlasEntry = entry(99, [
  'admin', 'PURGE', 1576261685009, 1576261685197, null, '[g1]', 'g1', 1,
]); // prettier-ignore

export interface Credentials {
  readonly C1: string;
  readonly C2: string;
  readonly C3: string;
  readonly C4: string;
  readonly C5: string;
  readonly C6: string;
  readonly C7: string;
}

export async function loadFixture(db: Db): Promise<Credentials> {
  await ingestBatch(db, { tenant: 't1', batch: { kind: 'atlan', records: ENTITY_EVENTS } });
  await ingestBatch(db, { tenant: 't1', batch: { kind: 'atlas', records: ADMIN_ENTRIES } });
  await ingestBatch(db, { tenant: 't2', batch: { kind: 'atlas', records: [A99] } });
  const basic = (tenant: string, name: string, secret: string, admin: boolean) =>
    createTestCredential(db, {
      tenant,
      name,
      kind: 'password',
      secret,
      roles: admin ? ['atlas:admin'] : [],
    });
  const c1 = await basic('t1', 'admin', 'admin-pw', true);
  const c2 = await basic('t1', 'viewer', 'viewer-pw', false);
  const c4 = await basic('t2', 'other', 'other-pw', true);
  const token = (
    name: string,
    secret: string,
    extra: Partial<Parameters<typeof createTestCredential>[1]> = {},
  ) => createTestCredential(db, { tenant: 't1', name, secret, roles: ['atlas:admin'], ...extra });
  const c3 = await token('svc-audit', 'tok-admin');
  const c5 = await token('root', 'tok-root', { roles: ['gateway:admin'] });
  const c6 = await token('tables-only', 'tok-tables', {
    policy: { allow: { typeNames: ['Table'] } },
  });
  const c7 = await token('bob', 'tok-bob', { policy: { allow: { ownOnly: true } } });
  return {
    C1: c1.authorization,
    C2: c2.authorization,
    C3: c3.authorization,
    C4: c4.authorization,
    C5: c5.authorization,
    C6: c6.authorization,
    C7: c7.authorization,
  };
}

/** `aaaaaaaa-…-0000000000NN` → `ANN` without leading zeros, as the spec names entries. */
export function entryId(guidText: unknown): string {
  return `A${Number(String(guidText).slice(-2))}`;
}
