/**
 * Fixtures of spec/atlan-auditsearch.md §10.1: F (tenant T1), F+X (F plus row 17, tenant T1X so
 * the other cases keep F's counts), F-big (tenant T4), the credentials K1-K5 and the pinned NOW.
 * Events go straight into audit_events; the entity current state and the tag definitions are the
 * spec's derived table, written into the tables ingest maintains.
 */
import type { JsonValue, Policy, Role } from '@audit-gateway/ir';
import type { Db } from '@audit-gateway/store';
import type { Express } from 'express';
import request from 'supertest';
import { insertEvents, type EventRow } from '../../../store/test-support/insertEvents';
import { createTestCredential } from '../../test-support/credentials';

export const NOW = Date.parse('2024-03-12T10:00:00.000Z');

export const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
export const D = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
export const P = '99999999-9999-4999-8999-999999999999';
export const E = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
export const BIG = 'f0000000-0000-4000-8000-000000000000';
export const qnA = 'default/snowflake/1700000000/DB/SCH/ORDERS';
const qnB = 'default/snowflake/1700000000/DB/SCH/ORDERS/ID';
const qnC = 'revenue@finance-glossary';
const qnD = 'default/snowflake/1700000000/DB/SCH/TMP_LOAD';
const qnP = 'default/snowflake/1700000000/DB/SCH/TMP_PURGED';
export const SVC = 'service-account-apikey-0001';
export const PII = 'PiiTagHashId0000000001';
export const CONF = 'ConfTagHashId000000002';

const W = { 'x-atlan-client-origin': 'product_webapp' };
const PY = { 'x-atlan-agent': 'sdk', 'x-atlan-agent-id': 'python' };
const J = { 'x-atlan-agent': 'sdk', 'x-atlan-agent-id': 'java' };

const ENTITIES: Record<string, [type: string, qn: string]> = {
  [A]: ['Table', qnA],
  [B]: ['Column', qnB],
  [C]: ['AtlasGlossaryTerm', qnC],
  [D]: ['Table', qnD],
  [P]: ['Table', qnP],
};

type RowSpec = [string, string, string, number, number, JsonValue, JsonValue];
const ROWS: RowSpec[] = [
  [
    A,
    'ENTITY_CREATE',
    'alice',
    1709888400000,
    1709888400020,
    W,
    {
      typeName: 'Table',
      guid: A,
      status: 'ACTIVE',
      attributes: { qualifiedName: qnA, name: 'ORDERS', certificateStatus: 'DRAFT' },
      createdBy: 'alice',
      updatedBy: 'alice',
      createTime: 1709888400000,
      updateTime: 1709888400000,
      classifications: [],
    },
  ],
  [
    B,
    'ENTITY_CREATE',
    'alice',
    1709888405000,
    1709888405020,
    W,
    {
      typeName: 'Column',
      guid: B,
      status: 'ACTIVE',
      attributes: { qualifiedName: qnB, name: 'ID', description: 'primary key' },
      createdBy: 'alice',
      updatedBy: 'alice',
      createTime: 1709888405000,
      updateTime: 1709888405000,
      classifications: [],
    },
  ],
  [
    D,
    'ENTITY_CREATE',
    'bob',
    1709911800000,
    1709911800015,
    null,
    {
      typeName: 'Table',
      guid: D,
      status: 'ACTIVE',
      attributes: { qualifiedName: qnD, name: 'TMP_LOAD' },
      createdBy: 'bob',
      updatedBy: 'bob',
      createTime: 1709911800000,
      updateTime: 1709911800000,
      classifications: [],
    },
  ],
  [
    A,
    'ENTITY_UPDATE',
    'bob',
    1709978400000,
    1709978400030,
    PY,
    {
      typeName: 'Table',
      guid: A,
      attributes: { userDescription: 'Orders fact table', certificateStatus: 'VERIFIED' },
    },
  ],
  [
    A,
    'CLASSIFICATION_ADD',
    SVC,
    1709985600000,
    1709985600040,
    PY,
    {
      typeName: PII,
      entityGuid: A,
      entityStatus: 'ACTIVE',
      propagate: true,
      removePropagationsOnEntityDelete: true,
    },
  ],
  [
    A,
    'CLASSIFICATION_ADD',
    SVC,
    1709985600000,
    1709985600040,
    PY,
    {
      typeName: CONF,
      entityGuid: A,
      entityStatus: 'ACTIVE',
      propagate: false,
      removePropagationsOnEntityDelete: true,
    },
  ],
  [
    C,
    'ENTITY_CREATE',
    'Zed',
    1710045000000,
    1710045000010,
    W,
    {
      typeName: 'AtlasGlossaryTerm',
      guid: C,
      status: 'ACTIVE',
      attributes: { qualifiedName: qnC, name: 'Revenue' },
      createdBy: 'Zed',
      updatedBy: 'Zed',
      createTime: 1710045000000,
      updateTime: 1710045000000,
      classifications: [],
    },
  ],
  [
    A,
    'TERM_ADD',
    'Zed',
    1710079200000,
    1710079200025,
    W,
    { guid: C, qualifiedName: qnC, name: 'Revenue' },
  ],
  [
    D,
    'ENTITY_DELETE',
    'bob',
    1710100800000,
    1710100800012,
    null,
    { typeName: 'Table', guid: D, status: 'DELETED', attributes: { qualifiedName: qnD } },
  ],
  [
    A,
    'BUSINESS_ATTRIBUTE_UPDATE',
    'Alice',
    1710127800000,
    1710127800050,
    J,
    {
      typeName: 'CmSetHashId00000000001',
      attributes: { CmAttrHashId0000000001: 'gold', CmAttrHashId0000000002: null },
    },
  ],
  [A, 'LABEL_ADD', 'alice', 1710172800000, 1710172800010, W, { labels: 'finance critical' }],
  [A, 'CLASSIFICATION_DELETE', SVC, 1710230400000, 1710230400020, PY, { typeName: CONF }],
  [
    B,
    'ENTITY_UPDATE',
    SVC,
    1710234900000,
    1710234900020,
    J,
    { typeName: 'Column', guid: B, attributes: { description: null } },
  ],
  [
    P,
    'ENTITY_PURGE',
    SVC,
    1710414000000,
    1710414000030,
    PY,
    { typeName: 'Table', guid: P, status: 'DELETED', attributes: { qualifiedName: qnP } },
  ],
  [
    A,
    'ENTITY_UPDATE',
    'Zed',
    1710460799990,
    1710460799999,
    null,
    { typeName: 'Table', guid: A, attributes: { certificateStatus: null } },
  ],
  [
    P,
    'ENTITY_CREATE',
    SVC,
    1709920800000,
    1709920800010,
    PY,
    {
      typeName: 'Table',
      guid: P,
      status: 'ACTIVE',
      attributes: { qualifiedName: qnP, name: 'TMP_PURGED' },
      createdBy: SVC,
      updatedBy: SVC,
      createTime: 1709920800000,
      updateTime: 1709920800000,
      classifications: [],
    },
  ],
];

function fRows(tenant: string): EventRow[] {
  return ROWS.map(([id, action, user, ts, created, headers, detail], i) => {
    const [typeName, qn] = ENTITIES[id] as [string, string];
    return {
      key: `${tenant}-${i + 1}`,
      family: 'entity',
      tenant,
      entityId: id,
      typeName,
      entityQualifiedName: qn,
      action,
      actor: user,
      occurredAt: ts,
      recordedAt: created,
      eventKey: `${id}:${ts}`,
      headers,
      detail,
    };
  });
}

const ROW17: Omit<EventRow, 'tenant'> = {
  key: 'x-17',
  family: 'entity',
  entityId: E,
  typeName: 'Process',
  action: 'ENTITY_CREATE',
  actor: 'alice',
  occurredAt: 1710500000000,
  recordedAt: 1710500000010,
  eventKey: `${E}:1710500000000`,
  headers: null,
  detail: { typeName: 'Process', guid: E, attributes: { name: 'nightly-load' } },
};

const PII_ATTACHMENT = {
  typeName: PII,
  entityGuid: A,
  entityStatus: 'ACTIVE',
  propagate: true,
  removePropagationsOnEntityDelete: true,
};

/** The derived current state of §10.1 (P is purged: no row). */
const STATES = [
  {
    guid: A,
    type_name: 'Table',
    qualified_name: qnA,
    status: 'ACTIVE',
    created_by: 'alice',
    updated_by: 'Zed',
    attributes: { qualifiedName: qnA, name: 'ORDERS', userDescription: 'Orders fact table' },
    classifications: [PII_ATTACHMENT],
    classification_names: [PII],
    labels: ['critical', 'finance'],
    create_time: 1709888400000,
    update_time: 1710460799990,
  },
  {
    guid: B,
    type_name: 'Column',
    qualified_name: qnB,
    status: 'ACTIVE',
    created_by: 'alice',
    updated_by: SVC,
    attributes: { qualifiedName: qnB, name: 'ID' },
    classifications: [],
    classification_names: [],
    labels: [],
    create_time: 1709888405000,
    update_time: 1710234900000,
  },
  {
    guid: C,
    type_name: 'AtlasGlossaryTerm',
    qualified_name: qnC,
    status: 'ACTIVE',
    created_by: 'Zed',
    updated_by: 'Zed',
    attributes: { qualifiedName: qnC, name: 'Revenue' },
    classifications: [],
    classification_names: [],
    labels: [],
    create_time: 1710045000000,
    update_time: 1710045000000,
  },
  {
    guid: D,
    type_name: 'Table',
    qualified_name: qnD,
    status: 'DELETED',
    created_by: 'bob',
    updated_by: 'bob',
    attributes: { qualifiedName: qnD, name: 'TMP_LOAD' },
    classifications: [],
    classification_names: [],
    labels: [],
    create_time: 1709911800000,
    update_time: 1710100800000,
  },
];

export const K2_POLICY: Policy = {
  allow: { typeNames: ['Table', 'AtlasGlossaryTerm'] },
  detail: { qualifiedNamePrefixes: [qnA, 'revenue@', qnP] },
};

const CREDENTIALS: [name: string, tenant: string, roles: Role[], policy?: Policy][] = [
  ['K1', 'T1', ['atlan:read']],
  ['K2', 'T1', ['atlan:read'], K2_POLICY],
  ['K3', 'T2', ['atlan:read']],
  ['K4', 'T4', ['atlan:read']],
  ['K5', 'T1', ['ingest:write']],
  ['KX', 'T1X', ['atlan:read']],
];

export type Auth = Record<string, string>;

/** Inserts F, F+X and F-big, the state, the tag definitions and the credentials. */
export async function loadAtlanFixtures(db: Db, options: { big?: boolean } = {}): Promise<Auth> {
  await insertEvents(db, fRows('T1'));
  await insertEvents(db, [...fRows('T1X'), { ...ROW17, tenant: 'T1X' }]);
  const big: EventRow[] = [];
  for (let i = 0; i < (options.big ? 10_005 : 0); i++) {
    const ts = 1700000000000 + 1000 * i;
    big.push({
      key: `big-${i}`,
      family: 'entity',
      tenant: 'T4',
      entityId: BIG,
      typeName: 'Table',
      entityQualifiedName: 'default/bulk/T',
      action: 'ENTITY_UPDATE',
      actor: 'loader',
      occurredAt: ts,
      recordedAt: ts + 1,
      eventKey: `${BIG}:${ts}`,
      headers: null,
      detail: { typeName: 'Table', guid: BIG, attributes: {} },
    });
  }
  // PostgreSQL allows 65,535 bindings per statement
  for (let i = 0; i < big.length; i += 2000) await insertEvents(db, big.slice(i, i + 2000));
  for (const tenant of ['T1', 'T1X']) {
    await db('entities').insert(
      STATES.map((s) => ({
        ...s,
        tenant,
        attributes: JSON.stringify(s.attributes),
        classifications: JSON.stringify(s.classifications),
        is_incomplete: false,
      })),
    );
  }
  await db('typedefs').insert(
    [
      [PII, 'PII'],
      [CONF, 'Confidential'],
    ].map(([name, displayName]) => ({
      tenant: 'T1',
      category: 'CLASSIFICATION',
      name,
      definition: JSON.stringify({ category: 'CLASSIFICATION', name, displayName }),
    })),
  );
  const auth: Auth = {};
  for (const [name, tenant, roles, policy] of CREDENTIALS) {
    const c = await createTestCredential(db, {
      tenant,
      name,
      roles,
      ...(policy ? { policy } : {}),
    });
    auth[name] = c.authorization;
  }
  return auth;
}

export const SEARCH = '/api/meta/entity/auditSearch';

/** Row number (§10.1 `#`) of an entry: matched by entityId, action, created and detail.typeName. */
export function rowNumber(entry: Record<string, unknown>): number {
  const detail = entry.detail as { typeName?: string } | null;
  const i = ROWS.findIndex(
    ([id, action, , , created, , d]) =>
      id === entry.entityId &&
      action === entry.action &&
      created === entry.created &&
      (action !== 'CLASSIFICATION_ADD' ||
        detail === null ||
        (d as { typeName?: string }).typeName === detail.typeName),
  );
  if (i >= 0) return i + 1;
  if (entry.entityId === E) return 17;
  throw new Error(`entry not in fixture F: ${JSON.stringify(entry)}`);
}

export interface AtlanClient {
  post(body: unknown, who?: string, path?: string): request.Test;
  /** any method on any path, authenticated as `who` (K1 by default) */
  call(
    method: 'get' | 'head' | 'post' | 'put' | 'delete',
    path: string,
    who?: string,
  ): request.Test;
  /** `{"dsl": dsl}` as K1 (or `who`), expecting 200; returns the body */
  search(dsl: unknown, who?: string): Promise<SearchBody>;
  /** rows (§10.1 #) of `{"dsl":{"size":20,"query":q}}`, in response order */
  rows(query: unknown, who?: string): Promise<{ total: number; rows: number[] }>;
  /** the same as a sorted set, for the spec's "Q → n {…}" notation */
  set(query: unknown, who?: string): Promise<{ total: number; rows: number[] }>;
  /** status and body of a request expected to fail */
  fail(dsl: unknown, who?: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

export interface SearchBody {
  entityAudits: Record<string, unknown>[];
  aggregations: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- ES JSON of any shape, read by tests
  count: number;
  totalCount: number;
  linkedEntities: Record<string, unknown>;
}

export function atlanClient(app: () => Express, auth: () => Auth): AtlanClient {
  const post = (body: unknown, who = 'K1', path = SEARCH) =>
    request(app())
      .post(path)
      .set('Authorization', auth()[who] ?? '')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
  const search = async (dsl: unknown, who = 'K1') => {
    const res = await post({ dsl }, who);
    if (res.status !== 200) throw new Error(`expected 200, got ${res.status} ${res.text}`);
    return res.body as SearchBody;
  };
  return {
    post,
    call: (method, path, who = 'K1') => {
      const agent = request(app());
      return agent[method](path).set('Authorization', auth()[who] ?? '');
    },
    search,
    async rows(query, who) {
      const body = await search({ size: 20, query }, who);
      return { total: body.totalCount, rows: body.entityAudits.map(rowNumber) };
    },
    async set(query, who) {
      const body = await search({ size: 20, query }, who);
      return {
        total: body.totalCount,
        rows: body.entityAudits.map(rowNumber).sort((a, b) => a - b),
      };
    },
    async fail(dsl, who) {
      const res = await post({ dsl }, who);
      return { status: res.status, body: res.body as Record<string, unknown> };
    },
  };
}
