/**
 * fast-check generators for the differential tests: rows and queries drawn from small pools, so
 * that equal values, NULLs, empty strings, case variants, LIKE metacharacters and instants around
 * a DST change meet often.
 */
import fc from 'fast-check';
import {
  fieldsOf,
  sortFieldSpec,
  type AuditQuery,
  type CmpOp,
  type Family,
  type FieldSpec,
  type JsonValue,
  type Missing,
  type Predicate,
  type Scalar,
  type SortKey,
  type TextMatch,
} from '@audit-gateway/ir';
import type { EventRow } from './insertEvents';

export const KEYWORDS = [
  '',
  'a',
  'A',
  'ab',
  'aB',
  'b',
  'ÉCOLE',
  'école',
  'Ecole',
  '%',
  '_',
  '\\',
  'a%b',
  'a_b',
  'a\\b',
  'x y',
  'g1,g2',
  'g1-x',
  'g1_x',
  'ß',
  'ΣΑΣ',
  'σας',
  '😀',
  'z',
  'ab c',
  'ÀB',
  'a*b',
  'a?b',
];
const SEARCH = [
  '',
  'a',
  'A',
  'b',
  'É',
  'é',
  'ÉCOLE',
  'école',
  'cole',
  '%',
  '_',
  '\\',
  'b%',
  '_b',
  'g1',
  'x',
  ' ',
  'σ',
  'Σ',
  '😀',
  'a*',
  '*b',
  '?b',
  'a?',
  '*\\%*',
  '\\*',
  'a\\',
  '*',
  '?',
  'ab c',
  'c',
];
/** 2024-03-31 01:00 UTC is the Europe/Berlin DST switch; equal and ±1 ms instants on purpose. */
const DST = Date.UTC(2024, 2, 31, 1, 0, 0);
export const INSTANTS = [
  DST - 3_600_000,
  DST - 1,
  DST,
  DST + 1,
  DST + 3_600_000,
  Date.UTC(2024, 9, 27, 1),
  0,
  1_700_000_000_123,
];
const INTEGERS = [0, 1, -1, 2, 200, 404, 500];
const DOUBLES = [0, 1, -1, 2.5, 0.5, 1000];
const JSON_KEYS = ['a', 'b', 'typeName', 'x.y', 'q"k', 'é'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pick(KEYWORDS),
    pick([0, 1, 2.5, -3, 404]),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(pick(JSON_KEYS), tie('v'), { maxKeys: 3 }),
  ),
})).v;

const detailArb = nullable(fc.dictionary(pick(JSON_KEYS), jsonValue, { maxKeys: 4 }));
const headersArb = nullable(
  fc.dictionary(pick(['x-team', 'h', 'a']), pick(KEYWORDS), { maxKeys: 2 }),
);

function valueArb(spec: FieldSpec): fc.Arbitrary<Scalar> {
  switch (spec.kind) {
    case 'keyword':
      return pick(KEYWORDS);
    case 'date':
      return pick(INSTANTS);
    case 'number':
      return spec.name === 'durationMs' ? pick(DOUBLES) : pick(INTEGERS);
    case 'seq':
      return fc.integer({ min: 0, max: 40 }).map(String);
    case 'txid':
    case 'json':
      return fc.constant(null);
  }
}

const ROW_FIELDS: Record<Family, readonly string[]> = {
  entity: ['actor', 'action', 'entityId', 'typeName', 'eventKey', 'entityQualifiedName'],
  admin: ['actor', 'action', 'params', 'result', 'clientId', 'runId', 'resultCount'],
  request: ['actor', 'action', 'url', 'method', 'source', 'authType', 'status', 'durationMs'],
};

export function rowArb(family: Family): fc.Arbitrary<Omit<EventRow, 'key'>> {
  const specs = fieldsOf(family).filter((s) => ROW_FIELDS[family].includes(s.name));
  const fields = Object.fromEntries(specs.map((s) => [s.name, nullable(valueArb(s))]));
  return fc.record({
    family: fc.constant(family),
    tenant: pick(['t1', 't1', 't2']),
    generation: family === 'request' ? pick([0, 1, 1]) : fc.constant(1),
    occurredAt: pick(INSTANTS),
    recordedAt: family === 'admin' ? nullable(pick(INSTANTS)) : pick(INSTANTS),
    ...(family === 'entity' ? { detail: detailArb, headers: headersArb } : {}),
    ...(family === 'request' ? { environment: pick(['env1', 'env2']) } : {}),
    ...fields,
  });
}

export function datasetArb(family: Family): fc.Arbitrary<EventRow[]> {
  return fc
    .array(rowArb(family), { minLength: 25, maxLength: 60, size: 'max' })
    .map((rows) => rows.map((r, i) => ({ ...r, key: `k${i}` }) as EventRow));
}

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
