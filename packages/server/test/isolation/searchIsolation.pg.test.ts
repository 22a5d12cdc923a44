/**
 * The isolation property (issue 7, DESIGN §2.3): for random credentials of tenant A (roles,
 * environments, allow and detail policies) and random queries of every family, the real search
 * (checkFields → scope → compiler → PostgreSQL) never returns, counts or aggregates a row of tenant
 * B or a row outside the credential's policy, and never shows a detail it must hide.
 */
import fc from 'fast-check';
import {
  all,
  type AggResult,
  type AuditQuery,
  type CanonicalRow,
  type Family,
} from '@audit-gateway/ir';
import { createAuditRepository } from '@audit-gateway/store';
import { insertEvents } from '../../../store/test-support/insertEvents';
import { useTestDatabase } from '../../../store/test-support/testDatabase';
import { createAuditSearch } from '../../src/search/createAuditSearch';
import {
  FAMILIES,
  allowedEnvironments,
  dataset,
  detailVisible,
  holds,
  principalArb,
  visible,
  whereArb,
} from './isolationModel';

const ROWS = 400;

describe('tenant and policy isolation at the search level', () => {
  const db = useTestDatabase();
  let everything: Record<Family, CanonicalRow[]>;

  beforeAll(async () => {
    await insertEvents(db(), dataset(ROWS));
    // the model reads every row back through the repository, unscoped, as the compiler sees them
    const repo = createAuditRepository(db());
    everything = { entity: [], admin: [], request: [] };
    for (const family of FAMILIES) {
      const page = await repo.run({
        family,
        scope: all(),
        detailScope: all(),
        where: all(),
        sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
        page: { offset: 0, limit: ROWS },
        total: 'none',
      });
      everything[family] = [...page.rows];
    }
    expect(FAMILIES.map((f) => everything[f].length).reduce((a, b) => a + b)).toBe(ROWS);
  });

  const caseArb = fc.constantFrom(...FAMILIES).chain((family) =>
    fc.record({
      family: fc.constant(family),
      who: principalArb,
      where: whereArb(family),
      postFilter: fc.option(whereArb(family, 1), { nil: undefined }),
      target: fc.constantFrom(undefined, 'env-a', 'env-b', 'env-c', '_gateway', 'bad/env'),
    }),
  );

  it('never sees, counts or aggregates another tenant or an out-of-policy row', async () => {
    const search = createAuditSearch(createAuditRepository(db()));
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ family, who, where, postFilter, target }) => {
        const query: AuditQuery = {
          family,
          scope: all(),
          detailScope: all(),
          where,
          ...(postFilter ? { postFilter } : {}),
          sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
          page: { offset: 0, limit: ROWS },
          total: 'exact',
          aggs: {
            actors: {
              type: 'terms',
              field: { field: 'actor' },
              size: 50,
              minDocCount: 1,
              order: [
                { by: '_count', dir: 'desc' },
                { by: '_key', dir: 'asc' },
              ],
            },
            domain: {
              type: 'terms',
              field: { field: 'actor' },
              size: 50,
              minDocCount: 0,
              order: [{ by: '_key', dir: 'asc' }],
            },
            everything: { type: 'filter', filter: all() },
            ...(family === 'entity'
              ? { details: { type: 'nested', path: 'detail' } as const }
              : {}),
          },
        };
        const envs = allowedEnvironments(who, family, target);
        const ctx = { principal: who, target: target === undefined ? {} : { environment: target } };
        if (envs === undefined) {
          await expect(search(query, ctx)).rejects.toMatchObject({ code: 'AQ430' });
          return;
        }
        const page = await search(query, ctx);
        const seen = everything[family].filter((r) => visible(who, family, envs, r));
        const aggregated = seen.filter((r) => holds(where, r));
        const hits = aggregated.filter((r) => !postFilter || holds(postFilter, r));

        expect(page.rows.map((r) => r.seq)).toEqual(hits.map((r) => r.seq));
        expect(page.total).toEqual({ value: hits.length, relation: 'eq' });
        for (const row of page.rows) {
          expect(row.tenant).toBe(who.tenant);
          if (!detailVisible(who, row)) {
            expect([row.detail, row.detailVisible]).toEqual([null, false]);
          }
        }

        const counts = countBy(aggregated.map((r) => r.actor));
        expect(bucketsOf(page.aggs?.actors)).toEqual(counts);
        // min_doc_count 0 draws its keys from every visible row (scope alone), never beyond it
        const domain = bucketsOf(page.aggs?.domain);
        for (const key of Object.keys(domain)) {
          expect(seen.some((r) => r.actor === key)).toBe(true);
          expect(domain[key]).toBe(counts[key] ?? 0);
        }
        expect(docCount(page.aggs?.everything)).toBe(aggregated.length);
        if (family === 'entity') {
          const withDetail = aggregated.filter(
            (r) => detailVisible(who, r) && r.detail !== null && typeof r.detail === 'object',
          );
          expect(docCount(page.aggs?.details)).toBe(withDetail.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

function countBy(keys: readonly (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) if (k !== null) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function bucketsOf(agg: AggResult | undefined): Record<string, number> {
  if (agg?.type !== 'terms') throw new Error(`expected terms, got ${agg?.type}`);
  const out: Record<string, number> = {};
  for (const b of agg.buckets) out[String(b.key)] = b.docCount;
  return out;
}

function docCount(agg: AggResult | undefined): number {
  if (agg?.type !== 'filter' && agg?.type !== 'nested')
    throw new Error(`expected filter, got ${agg?.type}`);
  return agg.docCount;
}
