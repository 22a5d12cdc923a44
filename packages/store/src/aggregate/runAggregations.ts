/**
 * Aggregations (DESIGN §2.4, spec/atlan-auditsearch.md §5): one GROUP BY per aggregation node over
 * `scope AND where` (never `postFilter`), then a TypeScript post-pass. Results are plain data; the
 * Atlan formatter renders ES JSON from them.
 */
import type { Knex } from 'knex';
import { and, type AggResult, type AuditQuery } from '@audit-gateway/ir';
import { compileCondition } from '../compile/compilePredicate';
import { assembleAll } from './assembleAggregations';
import { BucketBudget } from './BucketBudget';
import { executePlan } from './executePlan';
import { planAggregations } from './planAggregations';

export async function runAggregations(db: Knex, q: AuditQuery): Promise<Record<string, AggResult>> {
  if (!q.aggs || Object.keys(q.aggs).length === 0) return {};
  const compile = { family: q.family, alias: 'e', detailScope: q.detailScope };
  const plan = planAggregations(q.aggs, { compile, inNested: false });
  const data = await executePlan(db, plan, {
    rows: compileCondition(and(q.scope, q.where), compile),
    visible: compileCondition(q.scope, compile),
  });
  return assembleAll(plan, [], { data, budget: new BucketBudget() });
}
