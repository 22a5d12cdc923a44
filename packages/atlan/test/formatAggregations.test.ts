import { parseEsDsl } from '../src/dsl/parseEsDsl';
import { formatAggregations } from '../src/format/formatAggregations';

const plans = (aggs: object) => parseEsDsl({ size: 0, aggs }, 0).aggPlans ?? {};

describe('formatAggregations (spec §5)', () => {
  it('renders boolean keys as 1/0 and date terms with key_as_string', () => {
    const out = formatAggregations(
      {
        n: {
          type: 'nested',
          docCount: 2,
          aggs: {
            p: {
              type: 'terms',
              sumOtherDocCount: 0,
              buckets: [{ key: true, docCount: 2, aggs: {} }],
            },
          },
        },
        d: {
          type: 'terms',
          sumOtherDocCount: 1,
          buckets: [{ key: 1710288000000, docCount: 3, aggs: {} }],
        },
      },
      plans({
        n: { nested: { path: 'detail' }, aggs: { p: { terms: { field: 'detail.propagate' } } } },
        d: { terms: { field: 'created', size: 1 } },
      }),
    );
    expect(out).toEqual({
      n: {
        doc_count: 2,
        p: {
          doc_count_error_upper_bound: 0,
          sum_other_doc_count: 0,
          buckets: [{ key: 1, key_as_string: 'true', doc_count: 2 }],
        },
      },
      d: {
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: 1,
        buckets: [{ key: 1710288000000, key_as_string: '2024-03-13T00:00:00.000Z', doc_count: 3 }],
      },
    });
  });

  it('renders an unmapped histogram as no buckets and missing metrics as their empty value', () => {
    const out = formatAggregations(
      {},
      plans({
        h: { date_histogram: { field: 'foo', calendar_interval: 'day' } },
        s: { sum: { field: 'created' } },
      }),
    );
    expect(out).toEqual({
      h: { buckets: [] },
      s: { value: 0, value_as_string: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('counts buckets at every level against the 65,536 cap', () => {
    const buckets = Array.from({ length: 65_537 }, (_, i) => ({
      key: `k${i}`,
      docCount: 1,
      aggs: {},
    }));
    expect(() =>
      formatAggregations(
        { t: { type: 'terms', sumOtherDocCount: 0, buckets } },
        plans({ t: { terms: { field: 'user', size: 70000 } } }),
      ),
    ).toThrow(
      'Trying to create too many buckets. Must be less than or equal to: [65536] but was [65537].',
    );
  });
});
