/**
 * The read side of audit_events for every surface: one compiled query per page, its total and its
 * aggregations. Every read derived from client input goes through here (and so through the
 * compiler); nothing catches errors to return an empty page (STYLE §4).
 */
import type { Knex } from 'knex';
import { and, cmp, type AuditQuery, type ResultPage, type TotalCount } from '@audit-gateway/ir';
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

/**
 * Aggregations see the query's family only: the family condition goes into `scope`, which both
 * their row set (`scope AND where`) and their domain of visible rows (`scope`) start from.
 */
function withFamilyScope(q: AuditQuery): AuditQuery {
  return { ...q, scope: and(cmp('family', 'eq', q.family), q.scope) };
}

/** A constant, not client input: SET takes no bind parameters. */
const AGGREGATION_WORK_MEM = '32MB';

export function createAuditRepository(db: Knex): AuditRepository {
  return {
    async run(q) {
      const compiled = compileQuery(q); // checks the IR before any SQL runs
      const wantAggs = q.aggs !== undefined && Object.keys(q.aggs).length > 0;
      const read = async (conn: Knex) => {
        // GROUP BY sorts of a large history spill to disk at the 4 MB default (docs/performance.md,
        // recommendation 3); LOCAL ends with this read-only transaction, which aggregations imply
        if (wantAggs) await conn.raw(`SET LOCAL work_mem = '${AGGREGATION_WORK_MEM}'`);
        return {
          rows: await select(conn, compiled.hits),
          counted: compiled.total ? await select(conn, compiled.total) : undefined,
          aggs: wantAggs ? await runAggregations(conn, withFamilyScope(q)) : undefined,
        };
      };
      // hits, total and aggregations must describe the same rows: one snapshot for all of them
      const { rows, counted, aggs } =
        compiled.total || wantAggs
          ? await db.transaction(read, { isolationLevel: 'repeatable read', readOnly: true })
          : await read(db);
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
