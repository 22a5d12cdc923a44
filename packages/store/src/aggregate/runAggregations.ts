import type { Knex } from 'knex';
import { AuditError, type AggResult, type AuditQuery } from '@audit-gateway/ir';

/** Runs every aggregation of `q` over the rows of `scope AND where`; results are plain data. */
export async function runAggregations(db: Knex, q: AuditQuery): Promise<Record<string, AggResult>> {
  void db;
  void q;
  throw AuditError.bug('aggregations not implemented yet');
}
