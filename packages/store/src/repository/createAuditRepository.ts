/**
 * The read side of audit_events for every surface: one compiled query per page, its total and its
 * aggregations. Every read derived from client input goes through here (and so through the
 * compiler); nothing catches errors to return an empty page (STYLE §4).
 */
import type { Knex } from 'knex';
import type { AuditQuery, ResultPage, TotalCount } from '@audit-gateway/ir';
import { runAggregations } from '../aggregate/runAggregations';
import { compileQuery } from '../compile/compileQuery';
import type { Fragment } from '../compile/frag';
import { toCanonicalRow, type SqlRow } from './toCanonicalRow';

export interface AuditRepository {
  run(q: AuditQuery): Promise<ResultPage>;
}

async function select(db: Knex, f: Fragment): Promise<SqlRow[]> {
  const res = await db.raw<{ rows: SqlRow[] }>(f.sql, f.bindings as Knex.RawBinding[]);
  return res.rows;
}

function totalOf(q: AuditQuery, count: number): TotalCount {
  if (typeof q.total === 'object' && count > q.total.cap)
    return { value: q.total.cap, relation: 'gte' };
  return { value: count, relation: 'eq' };
}

export function createAuditRepository(db: Knex): AuditRepository {
  return {
    async run(q) {
      const compiled = compileQuery(q); // checks the IR before any SQL runs
      const [rows, counted, aggs] = await Promise.all([
        select(db, compiled.hits),
        compiled.total ? select(db, compiled.total) : Promise.resolve(undefined),
        q.aggs && Object.keys(q.aggs).length > 0
          ? runAggregations(db, q)
          : Promise.resolve(undefined),
      ]);
      const limit = q.page.limit;
      return {
        rows: rows.slice(0, limit).map(toCanonicalRow),
        hasMore: rows.length > limit,
        ...(counted ? { total: totalOf(q, Number(counted[0]?.['count'] ?? 0)) } : {}),
        ...(aggs ? { aggs } : {}),
      };
    },
  };
}
