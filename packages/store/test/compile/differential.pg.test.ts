/**
 * The compiler against the reference evaluator (DESIGN §2.4): random datasets inserted into a real
 * PostgreSQL, random queries run through the repository and through the evaluator, results equal.
 * Seeded, so a failure reproduces; fast-check shrinks it to a small query first.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import type { AuditQuery, CanonicalRow, Family, Page, Scalar } from '@audit-gateway/ir';
import { compilePredicate } from '../../src/compile/compilePredicate';
import { createAuditRepository } from '../../src/repository/createAuditRepository';
import { toCanonicalRow, type SqlRow } from '../../src/repository/toCanonicalRow';
import { queryDraftArb, type QueryDraft } from '../../test-support/queryArbitraries';
import { datasetArb } from '../../test-support/rowArbitraries';
import { insertEvents } from '../../test-support/insertEvents';
import { evaluate, sortFieldValue, type TailState } from '../../test-support/referenceEvaluator';
import { useTestDatabase } from '../../test-support/testDatabase';

const SEED = 20261122;
const DATASETS_PER_FAMILY = 4;
const QUERIES_PER_DATASET = 90; // 3 families × 4 × 90 = 1,080 cases per run

function pageFor(draft: QueryDraft, rows: readonly CanonicalRow[]): Page {
  const p = draft.page;
  if (p.kind === 'offset' || rows.length === 0)
    return { offset: p.kind === 'offset' ? p.offset : 0, limit: p.limit };
  if (p.kind === 'tail') {
    const r = p.row === null ? null : rows[p.row % rows.length];
    return {
      tail: r ? { generation: r.generation, txid: r.txid, seq: r.seq } : null,
      limit: p.limit,
    };
  }
  const row = rows[p.row % rows.length] as CanonicalRow;
  const keys = p.includeSeq ? draft.query.sort : draft.query.sort.slice(0, -1);
  const after = keys.map((k): Scalar => {
    const v = sortFieldValue(draft.query.family, row, k.field);
    // a surface puts the substituted value in its cursor; both forms must work
    return v === null && typeof k.missing === 'object' && !p.nullify ? k.missing.value : v;
  });
  return { after, includeSeq: p.includeSeq, limit: p.limit };
}

async function horizon(db: Knex): Promise<string> {
  const r = await db.raw<{ rows: { h: string }[] }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h',
  );
  return (r.rows[0] as { h: string }).h;
}

describe('compiler ≡ reference evaluator (property, seeded)', () => {
  const db = useTestDatabase();
  let cases = 0;
  let nonEmpty = 0;
  afterAll(() => {
    // the acceptance floor: at least 1,000 generated cases per run
    expect(cases).toBeGreaterThanOrEqual(1000);
    // the generators must keep producing queries that select rows, or the comparison proves little
    expect(nonEmpty / cases).toBeGreaterThan(0.25);
  });

  const families: Family[] = ['entity', 'admin', 'request'];
  for (const [fi, family] of families.entries()) {
    for (let d = 0; d < DATASETS_PER_FAMILY; d++) {
      const seed = SEED + fi * 100 + d;
      it(`${family} dataset ${d} (seed ${seed})`, async () => {
        const [dataset] = fc.sample(datasetArb(family), { seed, numRuns: 1 });
        await db().raw('TRUNCATE audit_events RESTART IDENTITY');
        await insertEvents(db(), dataset ?? []);
        const stored = (
          await db().raw<{ rows: SqlRow[] }>('SELECT * FROM audit_events ORDER BY seq')
        ).rows.map(toCanonicalRow);
        const repo = createAuditRepository(db());
        await fc.assert(
          fc.asyncProperty(queryDraftArb(family), async (draft) => {
            cases++;
            const q: AuditQuery = { ...draft.query, page: pageFor(draft, stored) };
            let tail: TailState | undefined;
            let got;
            for (;;) {
              const before = await horizon(db());
              got = await repo.run(q);
              const after = await horizon(db());
              tail = { currentGeneration: 1, horizon: after };
              if (!('tail' in q.page) || before === after) break; // the horizon moved: read again
            }
            const want = evaluate(q, stored, tail);
            expect({
              seqs: got.rows.map((r) => r.seq),
              hasMore: got.hasMore,
              total: got.total,
              detailVisible: got.rows.map((r) => r.detailVisible),
            }).toEqual({
              seqs: want.seqs,
              hasMore: want.hasMore,
              total: want.total,
              detailVisible: want.detailVisible,
            });
            const bySeq = new Map(stored.map((r) => [r.seq, r]));
            for (const r of got.rows)
              expect(r.detail).toEqual(r.detailVisible ? bySeq.get(r.seq)?.detail : null);
            if (got.rows.length > 0) nonEmpty++;
            // compilePredicate is two-valued: never NULL, on any row of any family
            const two = compilePredicate(q.where, {
              family,
              alias: 'e',
              detailScope: q.detailScope,
            });
            const nulls = await db().raw<{ rows: { n: string }[] }>(
              `SELECT count(*) AS n FROM audit_events AS "e" WHERE (${two.sql}) IS NULL`,
              two.bindings as Knex.RawBinding[],
            );
            expect(nulls.rows[0]?.n).toBe('0');
          }),
          { seed, numRuns: QUERIES_PER_DATASET },
        );
      });
    }
  }
});
