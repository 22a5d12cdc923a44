/**
 * Value pools for the differential tests' generators: small on purpose, so that equal values,
 * NULLs, empty strings, case variants, LIKE metacharacters and instants around a DST change meet
 * often.
 */
import fc from 'fast-check';
import type { FieldSpec, JsonValue, Scalar } from '@audit-gateway/ir';

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
export const SEARCH = [
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
export const JSON_KEYS = ['a', 'b', 'typeName', 'x.y', 'q"k', 'é'];

export const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
export const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

export const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
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

export const detailArb = nullable(fc.dictionary(pick(JSON_KEYS), jsonValue, { maxKeys: 4 }));
export const headersArb = nullable(
  fc.dictionary(pick(['x-team', 'h', 'a']), pick(KEYWORDS), { maxKeys: 2 }),
);

export function valueArb(spec: FieldSpec): fc.Arbitrary<Scalar> {
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
