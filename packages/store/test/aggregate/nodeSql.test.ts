/**
 * Exact SQL of representative aggregation queries (STYLE §3.7): a change in structure, quoting or
 * bindings shows up here first; the same plans run on PostgreSQL in runAggregations.pg.test.ts.
 */
import { all, and, cmp, type Aggregation, type AuditQuery } from '@audit-gateway/ir';
import { planAggregations, type PlanNode } from '../../src/aggregate/planAggregations';
import { bucketCountSql, docCountSql, domainSql, metricSql } from '../../src/aggregate/nodeSql';
import { compileCondition } from '../../src/compile/compilePredicate';

const compile = { family: 'entity' as const, alias: 'e', detailScope: all() };
const q = {
  scope: cmp('tenant', 'eq', 't1'),
  where: cmp('action', 'eq', 'ENTITY_CREATE'),
} satisfies Partial<AuditQuery>;
const rows = compileCondition(and(q.scope, q.where), compile);
const order = [
  { by: '_count', dir: 'desc' },
  { by: '_key', dir: 'asc' },
] as const;

function plan(aggs: Record<string, Aggregation>): Record<string, PlanNode> {
  return planAggregations(aggs, { compile, inNested: false });
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('terms on a keyword: one GROUP BY, the key pulled from the row, values bound', () => {
  const p = plan({
    u: { type: 'terms', field: { field: 'actor' }, size: 20, minDocCount: 1, order },
  });
  const f = bucketCountSql(p.u as PlanNode, rows);
  expect(squash(f.sql)).toBe(
    'SELECT lo.k AS k, count(*) AS v FROM audit_events AS e CROSS JOIN LATERAL (SELECT x.v AS k FROM (SELECT "e"."actor" AS v) AS x WHERE x.v IS NOT NULL) AS lo WHERE (("e"."tenant" = ?::text) AND ("e"."action" = ?::text)) GROUP BY lo.k',
  );
  expect(f.bindings).toEqual(['t1', 'ENTITY_CREATE']);
});

test('date_histogram in an IANA zone under terms: ancestor keys first, epoch ms after grouping', () => {
  const p = plan({
    u: {
      type: 'terms',
      field: { field: 'actor' },
      size: 20,
      minDocCount: 0,
      order,
      aggs: {
        d: {
          type: 'date_histogram',
          field: 'recordedAt',
          interval: { calendar: 'day' },
          timeZone: 'Europe/Berlin',
          offsetMs: 3_600_000,
          minDocCount: 0,
          order: [],
        },
      },
    },
  });
  const d = (p.u as PlanNode).children.d as PlanNode;
  const f = bucketCountSql(d, rows);
  expect(squash(f.sql)).toBe(
    `SELECT l0.k AS k0, (extract(epoch FROM lo.k) * 1000)::bigint AS k, count(*) AS v FROM audit_events AS e CROSS JOIN LATERAL (SELECT x.v AS k FROM (SELECT "e"."actor" AS v) AS x WHERE x.v IS NOT NULL) AS l0 CROSS JOIN LATERAL (SELECT h.k FROM (SELECT (date_trunc(?::text, ("e"."recorded_at" - (?::bigint * INTERVAL '1 millisecond')), ?::text) + (?::bigint * INTERVAL '1 millisecond')) AS k) AS h WHERE "e"."recorded_at" IS NOT NULL) AS lo WHERE (("e"."tenant" = ?::text) AND ("e"."action" = ?::text)) GROUP BY l0.k, lo.k`,
  );
  expect(f.bindings).toEqual(['day', 3_600_000, 'Europe/Berlin', 3_600_000, 't1', 'ENTITY_CREATE']);
  const domain = domainSql(p.u as PlanNode, compileCondition(q.scope, compile));
  expect(squash(domain.sql)).toBe(
    'SELECT DISTINCT lo.k AS k FROM audit_events AS e CROSS JOIN LATERAL (SELECT x.v AS k FROM (SELECT "e"."actor" AS v) AS x WHERE x.v IS NOT NULL) AS lo WHERE ("e"."tenant" = ?::text)',
  );
});

test('nested: visible detail objects; leaf metrics read typed jsonb leaves', () => {
  const p = plan({
    n: {
      type: 'nested',
      path: 'detail',
      aggs: { s: { type: 'sum', field: { json: 'detail', path: ['n'] } } },
    },
  });
  const n = p.n as PlanNode;
  expect(squash(docCountSql(n, rows).sql)).toBe(
    `SELECT count(*) AS v FROM audit_events AS e WHERE (("e"."tenant" = ?::text) AND ("e"."action" = ?::text)) AND (jsonb_typeof("e"."detail") = 'object' AND TRUE)`,
  );
  const s = metricSql(n.children.s as PlanNode, rows);
  expect(squash(s.sql)).toBe(
    `SELECT sum(CASE WHEN jsonb_typeof(m.v) = 'number' THEN (m.v #>> '{}')::numeric END) AS v FROM audit_events AS e CROSS JOIN LATERAL (SELECT m0.v AS v FROM (SELECT 1) AS d0 LEFT JOIN LATERAL (SELECT l.v AS v FROM jsonb_path_query("e"."detail", ?::jsonpath) AS l(v) WHERE jsonb_typeof(l.v) IN ('string', 'number', 'boolean')) AS m0 ON TRUE) AS m WHERE (("e"."tenant" = ?::text) AND ("e"."action" = ?::text)) AND (jsonb_typeof("e"."detail") = 'object' AND TRUE)`,
  );
  expect(s.bindings).toEqual(['lax $[*][*][*][*]."n"[*][*][*][*]', 't1', 'ENTITY_CREATE']);
});
