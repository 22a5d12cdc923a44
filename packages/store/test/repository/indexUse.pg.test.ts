/**
 * The two hottest reads walk an index, not the table, on 100k rows: Atlan entity history
 * (`entityId` term, `created` desc then seq asc, 10 rows) and an Atomic desc page after a cursor.
 * Leaves outside `not` compile without `IS TRUE` precisely so that this holds.
 */
import { and, cmp, type AuditQuery } from '@audit-gateway/ir';
import type { Knex } from 'knex';
import { compileQuery } from '../../src/compile/compileQuery';
import { useTestDatabase } from '../../test-support/testDatabase';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

async function plan(db: Knex, q: AuditQuery): Promise<PlanNode[]> {
  const { hits } = compileQuery(q);
  const res = await db.raw<{ rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[] }>(
    `EXPLAIN (FORMAT JSON) ${hits.sql}`,
    hits.bindings as Knex.RawBinding[],
  );
  return nodes((res.rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan);
}

describe('index use on 100k rows', () => {
  const db = useTestDatabase();
  beforeAll(async () => {
    await db().raw(`
      INSERT INTO audit_events (id, tenant, environment, family, generation, occurred_at, recorded_at,
                                actor, action, entity_id, auth_type, natural_key)
      SELECT gen_random_uuid(), 't' || (i % 3), CASE WHEN i % 2 = 0 THEN 'env' || (i % 7) END,
             CASE WHEN i % 2 = 0 THEN 'request' ELSE 'entity' END, 1,
             TIMESTAMPTZ '2024-01-01' + i * INTERVAL '1 second', TIMESTAMPTZ '2024-01-01' + i * INTERVAL '1 second',
             'user' || (i % 50), 'ACTION_' || (i % 5), CASE WHEN i % 2 = 1 THEN 'guid-' || (i % 2000) END,
             CASE WHEN i % 2 = 0 THEN 'token' END, 'nk' || i
      FROM generate_series(1, 100000) AS i`);
    await db().raw('ANALYZE audit_events');
  });

  it('entity history uses the entity history index', async () => {
    const q: AuditQuery = {
      family: 'entity',
      scope: cmp('tenant', 'eq', 't1'),
      detailScope: cmp('actor', 'neq', 'user7'),
      where: cmp('entityId', 'eq', 'guid-7'),
      sort: [
        { field: 'recordedAt', dir: 'desc', missing: 'last' },
        { field: 'seq', dir: 'asc', missing: 'last' },
      ],
      page: { offset: 0, limit: 10 },
      total: 'none',
    };
    const p = await plan(db(), q);
    expect(p.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(p.map((n) => n['Index Name'])).toContain('audit_events_entity_history_idx');
  });

  it('an Atomic desc page after a cursor uses the desc index', async () => {
    const q: AuditQuery = {
      family: 'request',
      scope: and(cmp('tenant', 'eq', 't0'), cmp('environment', 'eq', 'env3')),
      detailScope: { op: 'all' },
      where: { op: 'all' },
      sort: [
        { field: 'recordedAt', dir: 'desc', missing: 'last' },
        { field: 'seq', dir: 'desc', missing: 'last' },
      ],
      page: { after: [Date.UTC(2024, 0, 1, 12), '43200'], includeSeq: true, limit: 50 },
      total: 'none',
    };
    const p = await plan(db(), q);
    expect(p.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(p.map((n) => n['Index Name'])).toContain('audit_events_request_desc_idx');
  });

  it('an Atomic tail page uses the tail index', async () => {
    const q: AuditQuery = {
      family: 'request',
      scope: and(cmp('tenant', 'eq', 't0'), cmp('environment', 'eq', 'env3')),
      detailScope: { op: 'all' },
      where: { op: 'all' },
      sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
      page: { tail: { generation: 1, txid: '1', seq: '100' }, limit: 50 },
      total: 'none',
    };
    const p = await plan(db(), q);
    expect(p.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(p.map((n) => n['Index Name'])).toContain('audit_events_request_tail_idx');
  });
});
