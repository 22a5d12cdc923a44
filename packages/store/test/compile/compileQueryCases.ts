/**
 * Golden cases for whole queries: exact SQL of the hits and totals (compileQuery.test.ts) and the
 * rows they return on PostgreSQL (compileQuery.pg.test.ts), over `QUERY_ROWS`.
 */
import { all, and, cmp, not, type AuditQuery } from '@audit-gateway/ir';
import type { EventRow } from '../../test-support/insertEvents';

const T = Date.UTC(2024, 0, 1);

// request rows are of an older generation, so they are final whatever transactions other sessions
// on the server hold open (the horizon itself is tested in auditRepository.pg.test.ts)
export const QUERY_ROWS: readonly EventRow[] = [
  {
    key: 'e1',
    family: 'entity',
    entityId: 'g1',
    actor: 'ann',
    recordedAt: T,
    occurredAt: T,
    headers: { 'x-team': 'b' },
  },
  { key: 'e2', family: 'entity', entityId: 'g1', actor: null, recordedAt: T + 1, occurredAt: T },
  { key: 'e3', family: 'entity', entityId: 'g1', actor: 'bob', recordedAt: T + 1, occurredAt: T },
  {
    key: 'e4',
    family: 'entity',
    entityId: 'g2',
    actor: 'Bob',
    recordedAt: T + 2,
    occurredAt: T,
    headers: { 'x-team': 'B' },
  },
  {
    key: 'r1',
    family: 'request',
    generation: 0,
    environment: 'prod',
    recordedAt: T,
    occurredAt: T,
    status: 200,
  },
  {
    key: 'r2',
    family: 'request',
    generation: 0,
    environment: 'prod',
    recordedAt: T + 1,
    occurredAt: T,
    status: 500,
  },
  {
    key: 'r3',
    family: 'request',
    generation: 0,
    environment: 'prod',
    recordedAt: T + 1,
    occurredAt: T,
    status: 200,
  },
];

const ENTITY_COLUMNS = `"e"."seq", "e"."external_id", "e"."tenant", "e"."environment", "e"."family", "e"."generation", "e"."txid", "e"."occurred_at", "e"."recorded_at", "e"."actor", "e"."action", "e"."entity_id", "e"."entity_qualified_name", "e"."type_name", "e"."event_key", "e"."detail", "e"."headers", TRUE AS "detail_visible"`;
const REQUEST_COLUMNS = `"e"."seq", "e"."external_id", "e"."tenant", "e"."environment", "e"."family", "e"."generation", "e"."txid", "e"."occurred_at", "e"."recorded_at", "e"."actor", "e"."action", "e"."url", "e"."method", "e"."ip", "e"."user_agent", "e"."source", "e"."auth_type", "e"."resource_type", "e"."action_description", "e"."payload", "e"."status", "e"."duration_ms", "e"."auth", "e"."query"`;
const MS = `(TIMESTAMPTZ 'epoch' + ?::bigint * INTERVAL '1 millisecond')`;

export interface QueryCase {
  readonly name: string;
  readonly query: AuditQuery;
  readonly hits: string;
  readonly bindings: readonly unknown[];
  readonly total?: string;
  readonly keys: readonly string[];
}

const history: AuditQuery = {
  family: 'entity',
  scope: cmp('tenant', 'eq', 't1'),
  detailScope: all(),
  where: cmp('entityId', 'eq', 'g1'),
  sort: [
    { field: 'recordedAt', dir: 'desc', missing: 'last' },
    { field: 'seq', dir: 'asc', missing: 'last' },
  ],
  page: { offset: 0, limit: 10 },
  total: 'exact',
};

const atomicDesc: AuditQuery = {
  family: 'request',
  scope: and(cmp('tenant', 'eq', 't1'), cmp('environment', 'eq', 'prod')),
  detailScope: all(),
  where: all(),
  sort: [
    { field: 'recordedAt', dir: 'desc', missing: 'last' },
    { field: 'seq', dir: 'desc', missing: 'last' },
  ],
  page: { after: [T + 1, '7'], includeSeq: true, limit: 1 },
  total: 'none',
};

export const QUERY_CASES: readonly QueryCase[] = [
  {
    name: 'Atlan entity history: created desc, seq asc, exact total',
    query: history,
    hits: `SELECT ${ENTITY_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND ("e"."entity_id" = ?::text) ORDER BY "e"."recorded_at" DESC, "e"."seq" ASC LIMIT ?`,
    bindings: ['entity', 't1', 'g1', 11],
    total: `SELECT count(*) AS count FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND ("e"."entity_id" = ?::text)`,
    keys: ['e2', 'e3', 'e1'],
  },
  {
    name: 'Atlan search_after without seq: rows equal to the tuple are excluded',
    query: {
      ...history,
      page: { after: [T + 1], includeSeq: false, limit: 10 },
      total: { cap: 5 },
    },
    hits: `SELECT ${ENTITY_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND ("e"."entity_id" = ?::text) AND "e"."recorded_at" < ${MS} ORDER BY "e"."recorded_at" DESC, "e"."seq" ASC LIMIT ?`,
    bindings: ['entity', 't1', 'g1', T + 1, 11],
    total: `SELECT count(*) AS count FROM (SELECT 1 FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND ("e"."entity_id" = ?::text) LIMIT ?) AS capped`,
    keys: ['e1'],
  },
  {
    name: 'keyset with seq and mixed directions',
    query: {
      ...history,
      page: { after: [T + 1, '2'], includeSeq: true, limit: 10 },
      total: 'none',
    },
    hits: `SELECT ${ENTITY_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND ("e"."entity_id" = ?::text) AND (("e"."recorded_at" < ${MS}) OR ("e"."recorded_at" = ${MS} AND "e"."seq" > ?::bigint)) ORDER BY "e"."recorded_at" DESC, "e"."seq" ASC LIMIT ?`,
    bindings: ['entity', 't1', 'g1', T + 1, T + 1, '2', 11],
    keys: ['e3', 'e1'],
  },
  {
    name: 'nullable sort key, missing first, offset page, not in where',
    query: {
      ...history,
      where: not(cmp('actor', 'eq', 'bob')),
      sort: [
        { field: 'actor', dir: 'asc', missing: 'first' },
        { field: 'seq', dir: 'asc', missing: 'last' },
      ],
      page: { offset: 1, limit: 2 },
      total: 'none',
    },
    hits: `SELECT ${ENTITY_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND NOT (("e"."actor" = ?::text) IS TRUE) ORDER BY "e"."actor" ASC NULLS FIRST, "e"."seq" ASC LIMIT ? OFFSET ?`,
    bindings: ['entity', 't1', 'bob', 3, 1],
    keys: ['e4', 'e1'],
  },
  {
    name: 'missing as a value sorts a NULL as if it had it',
    query: {
      ...history,
      where: all(),
      sort: [
        { field: 'actor', dir: 'desc', missing: { value: 'b' } },
        { field: 'seq', dir: 'asc', missing: 'last' },
      ],
      total: 'none',
    },
    hits: `SELECT ${ENTITY_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) ORDER BY COALESCE("e"."actor", ?::text) DESC, "e"."seq" ASC LIMIT ?`,
    bindings: ['entity', 't1', 'b', 11],
    keys: ['e3', 'e2', 'e1', 'e4'],
  },
  {
    name: 'sort on one header: binary order, rows without it last, search_after past it',
    query: {
      ...history,
      where: all(),
      sort: [
        { field: 'headers.x-team', dir: 'asc', missing: 'last' },
        { field: 'seq', dir: 'asc', missing: 'last' },
      ],
      page: { after: ['B'], includeSeq: false, limit: 10 },
      total: 'none',
    },
    hits: `SELECT ${ENTITY_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND ("e"."tenant" = ?::text) AND (((("e"."headers" ->> ?) COLLATE "C" > ?::text OR ("e"."headers" ->> ?) COLLATE "C" IS NULL))) ORDER BY ("e"."headers" ->> ?) COLLATE "C" ASC NULLS LAST, "e"."seq" ASC LIMIT ?`,
    bindings: ['entity', 't1', 'x-team', 'B', 'x-team', 'x-team', 11],
    keys: ['e1', 'e2', 'e3'],
  },
  {
    name: 'Atomic desc page after a cursor: one row comparison',
    query: atomicDesc,
    hits: `SELECT ${REQUEST_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND (("e"."tenant" = ?::text) AND ("e"."environment" = ?::text)) AND ("e"."recorded_at", "e"."seq") < (${MS}, ?::bigint) ORDER BY "e"."recorded_at" DESC, "e"."seq" DESC LIMIT ?`,
    bindings: ['request', 't1', 'prod', T + 1, '7', 2],
    keys: ['r2'], // the cursor names r3 (seq 7) itself
  },
  {
    name: 'Atomic tail from the start: the transaction horizon',
    query: {
      ...atomicDesc,
      sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
      page: { tail: null, limit: 2 },
    },
    hits: `SELECT ${REQUEST_COLUMNS} FROM audit_events AS "e" WHERE "e"."family" = ? AND (("e"."tenant" = ?::text) AND ("e"."environment" = ?::text)) AND ("e"."generation" < (SELECT (value #>> '{}')::int FROM store_meta WHERE key = 'generation') OR "e"."txid" < (SELECT pg_snapshot_xmin(pg_current_snapshot()))) ORDER BY "e"."generation", "e"."txid", "e"."seq" LIMIT ?`,
    bindings: ['request', 't1', 'prod', 3],
    keys: ['r1', 'r2'],
  },
];
