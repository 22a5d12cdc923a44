/**
 * fast-check generators of queries for the differential tests: predicates (json tests included),
 * sorts over catalogue fields and headers, pages (offset, keyset, tail) and totals.
 */
import fc from 'fast-check';
import {
  fieldsOf,
  sortFieldSpec,
  type AuditQuery,
  type CmpOp,
  type Family,
  type FieldSpec,
  type Missing,
  type Predicate,
  type SortKey,
  type TextMatch,
} from '@audit-gateway/ir';
import { JSON_KEYS, KEYWORDS, nullable, pick, SEARCH, valueArb } from './arbitraryPools';

const queryFields = (family: Family) =>
  fieldsOf(family).filter((s) => !s.internal && s.kind !== 'txid');
const CMP_OPS: readonly CmpOp[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte'];
const MATCHES: readonly TextMatch[] = ['prefix', 'suffix', 'contains', 'word', 'wildcard'];

function leafTestArb(): fc.Arbitrary<Predicate> {
  const scalar = fc.oneof(
    pick(KEYWORDS),
    pick([0, 1, 2.5, -3, 404]),
    fc.boolean(),
    fc.constant(null),
  );
  const leaf = fc.oneof(
    fc.record({
      op: fc.constant('cmp' as const),
      field: fc.constant('$'),
      cmp: pick(CMP_OPS),
      value: scalar,
    }),
    fc.record({
      op: fc.constant('in' as const),
      field: fc.constant('$'),
      values: fc.array(scalar, { maxLength: 3 }),
    }),
    fc.record({
      op: fc.constant('text' as const),
      field: fc.constant('$'),
      match: pick(MATCHES),
      value: pick(SEARCH),
      caseInsensitive: fc.boolean(),
    }),
    fc.constant<Predicate>({ op: 'exists', field: '$' }),
  );
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: leaf.map((of): Predicate => ({ op: 'not', of })) },
    {
      weight: 1,
      arbitrary: fc
        .array(leaf, { minLength: 1, maxLength: 2 })
        .map((of): Predicate => ({ op: 'and', of })),
    },
  );
}

export function predicateArb(family: Family, depth = 3): fc.Arbitrary<Predicate> {
  const specs = queryFields(family);
  const spec = pick(specs);
  const keywordSpecs = specs.filter((s) => s.kind === 'keyword');
  const cmpArb = spec
    .chain((s) =>
      fc.record({
        op: fc.constant('cmp' as const),
        field: fc.constant(s.name),
        cmp: s.kind === 'json' ? pick(['eq' as const]) : pick(CMP_OPS),
        value: nullable(valueArb(s)),
        nullMatches: fc.boolean(),
      }),
    )
    .filter((p) => fieldsOf(family).find((s) => s.name === p.field)?.kind !== 'json');
  const inArb = spec
    .filter((s) => s.kind !== 'json')
    .chain((s) =>
      fc.record({
        op: fc.constant('in' as const),
        field: fc.constant(s.name),
        values: fc.array(nullable(valueArb(s)), { maxLength: 4 }),
      }),
    );
  const textArb = pick(keywordSpecs).chain((s) =>
    fc.record({
      op: fc.constant('text' as const),
      field: fc.constant(s.name),
      match: pick(MATCHES),
      value: pick(SEARCH),
      caseInsensitive: fc.boolean(),
    }),
  );
  const existsArb = spec.map((s): Predicate => ({ op: 'exists', field: s.name }));
  const leaves: fc.Arbitrary<Predicate>[] = [cmpArb, inArb, textArb, existsArb];
  if (family === 'entity') {
    leaves.push(
      fc.record({
        op: fc.constant('json' as const),
        column: pick(['detail', 'headers'] as const),
        path: fc.array(pick(JSON_KEYS.concat(['x-team', 'h'])), { maxLength: 2 }),
        test: leafTestArb(),
      }),
    );
  }
  const leaf = fc.oneof<fc.Arbitrary<Predicate>[]>(...leaves);
  if (depth <= 0) return leaf;
  const sub = predicateArb(family, depth - 1);
  return fc.oneof(
    { weight: 5, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc
        .array(sub, { minLength: 0, maxLength: 3 })
        .map((of): Predicate => ({ op: 'and', of })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.array(sub, { minLength: 0, maxLength: 3 }), fc.integer({ min: 1, max: 3 }))
        .map(([of, atLeast]): Predicate => ({ op: 'or', of, atLeast })),
    },
    { weight: 2, arbitrary: sub.map((of): Predicate => ({ op: 'not', of })) },
    { weight: 1, arbitrary: pick<Predicate>([{ op: 'all' }, { op: 'none' }]) },
  );
}

const missingArb = (s: FieldSpec): fc.Arbitrary<Missing> =>
  fc.oneof(
    pick<Missing>(['first', 'last']),
    valueArb(s).map((value): Missing => ({ value })),
  );

export function sortArb(family: Family): fc.Arbitrary<SortKey[]> {
  const headers = family === 'entity' ? ['headers.x-team', 'headers.h'] : [];
  const sortable = [
    ...queryFields(family).filter((s) => s.sortable && s.name !== 'seq'),
    ...headers.map((h) => sortFieldSpec(family, h) as FieldSpec),
  ];
  const key = pick(sortable).chain((s) =>
    fc.record({
      field: fc.constant(s.name),
      dir: pick(['asc', 'desc'] as const),
      missing: missingArb(s),
    }),
  );
  return fc
    .tuple(fc.array(key, { maxLength: 2 }), pick(['asc', 'desc'] as const))
    .map(([keys, dir]) => [...keys, { field: 'seq', dir, missing: 'last' as const }]);
}

/** A query whose page is completed against the dataset by `withPage` (keysets need real rows). */
export interface QueryDraft {
  readonly query: Omit<AuditQuery, 'page'>;
  readonly page:
    | { readonly kind: 'offset'; readonly offset: number; readonly limit: number }
    | {
        readonly kind: 'after';
        readonly row: number;
        readonly includeSeq: boolean;
        readonly limit: number;
        readonly nullify: boolean;
      }
    | { readonly kind: 'tail'; readonly row: number | null; readonly limit: number };
}

export function queryDraftArb(family: Family): fc.Arbitrary<QueryDraft> {
  const limit = fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 8 }) },
  );
  const pages: fc.Arbitrary<QueryDraft['page']>[] = [
    fc.record({
      kind: fc.constant('offset' as const),
      offset: fc.integer({ min: 0, max: 8 }),
      limit,
    }),
    fc.record({
      kind: fc.constant('after' as const),
      row: fc.nat(),
      includeSeq: fc.boolean(),
      limit,
      nullify: fc.boolean(),
    }),
  ];
  if (family === 'request')
    pages.push(
      fc.record({
        kind: fc.constant('tail' as const),
        row: fc.option(fc.nat(), { nil: null }),
        limit,
      }),
    );
  const detailScope =
    family === 'entity'
      ? fc.oneof(fc.constant<Predicate>({ op: 'all' }), predicateArb(family, 1))
      : fc.constant<Predicate>({ op: 'all' });
  return fc.record({
    query: fc.record(
      {
        family: fc.constant(family),
        scope: fc.oneof(
          fc.constant<Predicate>({ op: 'cmp', field: 'tenant', cmp: 'eq', value: 't1' }),
          fc.constant<Predicate>({ op: 'all' }),
        ),
        detailScope,
        where: fc.oneof(
          { weight: 1, arbitrary: fc.constant<Predicate>({ op: 'all' }) },
          { weight: 5, arbitrary: predicateArb(family) },
        ),
        postFilter: fc.oneof(
          { weight: 3, arbitrary: fc.constant<Predicate>({ op: 'all' }) },
          { weight: 1, arbitrary: predicateArb(family, 1) },
        ),
        sort: sortArb(family),
        total: fc.oneof(
          pick(['exact', 'none'] as const),
          fc.integer({ min: 0, max: 5 }).map((cap) => ({ cap })),
        ),
      },
      { requiredKeys: ['family', 'scope', 'detailScope', 'where', 'sort', 'total'] },
    ),
    page: fc.oneof(...pages),
  });
}
