/**
 * Differential test (issue 3): random aggregation trees over random rows, run by the SQL compiler
 * on a real PostgreSQL and by the in-memory reference evaluator; the results must be equal.
 * Seeded, so a failure reproduces; 4 entity datasets × 260 queries + 1 admin dataset × 200
 * queries = 1,240 cases per run.
 */
import fc from 'fast-check';
import { and, cmp, type AggResult, type AuditQuery } from '@audit-gateway/ir';
import { runAggregations } from '../../src/aggregate/runAggregations';
import {
  adminAggArb,
  adminRowsArb,
  queryAggsArb,
  rowsArb,
  TRANSITIONS,
} from '../../test-support/aggArbitraries';
import { insertEvents, type EventRow } from '../../test-support/insertEvents';
import { referenceAggregations } from '../../test-support/referenceAggregations';
import { useTestDatabase } from '../../test-support/testDatabase';

const db = useTestDatabase();
const SEED = 20261122;
const RUNS = 260;

/** Metric values may differ in the last bits (numeric in SQL, doubles here). */
function normalise(r: unknown): unknown {
  if (Array.isArray(r)) return r.map(normalise);
  if (r !== null && typeof r === 'object') {
    const o = r as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o))
      out[k] = k === 'value' && typeof v === 'number' ? Number(v.toPrecision(12)) : normalise(v);
    return out;
  }
  return r;
}

describe.each(TRANSITIONS.map((t, i) => [i, t] as const))('dataset %i', (i, transition) => {
  const tenant = `d${i}`;
  const [rows] = fc.sample(rowsArb(tenant, transition), { seed: SEED + i, numRuns: 1 }) as [
    EventRow[],
  ];

  beforeAll(async () => {
    await insertEvents(db(), rows);
  });

  test(`${RUNS} random aggregation trees agree with the reference evaluator`, async () => {
    const ref = rows.map((r) => ({ ...r, detail: r.detail ?? null, headers: r.headers ?? null }));
    await fc.assert(
      fc.asyncProperty(queryAggsArb(transition), async ({ aggs, where, detailScope }) => {
        const q: AuditQuery = {
          family: 'entity',
          scope: and(cmp('tenant', 'eq', tenant), cmp('family', 'eq', 'entity')),
          detailScope,
          where,
          sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
          page: { offset: 0, limit: 10 },
          total: 'none',
          aggs,
        };
        const actual: Record<string, AggResult> = await runAggregations(db(), q);
        expect(normalise(actual)).toEqual(normalise(referenceAggregations(ref, q)));
      }),
      { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe('admin dataset (numeric resultCount, recordedAt may be missing)', () => {
  const tenant = 'adm';
  const transition = TRANSITIONS[1] as number;
  const [rows] = fc.sample(adminRowsArb(tenant, transition), { seed: SEED, numRuns: 1 }) as [
    EventRow[],
  ];

  beforeAll(async () => {
    await insertEvents(db(), rows);
  });

  test('200 random aggregation trees agree with the reference evaluator', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('x', 'y'), adminAggArb(transition), {
          minKeys: 1,
          maxKeys: 2,
        }),
        async (aggs) => {
          const q: AuditQuery = {
            family: 'admin',
            scope: and(cmp('tenant', 'eq', tenant), cmp('family', 'eq', 'admin')),
            detailScope: { op: 'all' },
            where: { op: 'all' },
            sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
            page: { offset: 0, limit: 10 },
            total: 'none',
            aggs,
          };
          const actual = await runAggregations(db(), q);
          expect(normalise(actual)).toEqual(normalise(referenceAggregations(rows, q)));
        },
      ),
      { seed: SEED, numRuns: 200, endOnFailure: true },
    );
  });
});
