/**
 * Aggregations of the IR (DESIGN §2.3), shaped after what spec/atlan-auditsearch.md §5 needs.
 * The compiler returns `AggResult`s as plain data; the Atlan formatter renders ES JSON from them.
 */
import type { Predicate, Scalar, Field } from './types';

/**
 * What an aggregation reads. `{ field }`: a top-level catalogue field. `{ json, path }`: JSON leaves
 * of `detail` (only inside a `nested` aggregation) or `headers` (`headers.<name>` keywords).
 * `{ none: true }`: a field with no values (unmapped, or out of nested context): no buckets, empty metrics.
 */
export type AggField =
  | { readonly field: Field }
  | { readonly json: 'detail' | 'headers'; readonly path: readonly string[] }
  | { readonly none: true };

export type BucketOrderKey =
  | { readonly by: '_count' }
  | { readonly by: '_key' }
  /**
   * A sub-aggregation: `path` walks single-bucket aggregations (filter, nested) to the target;
   * `metric` is `value` for a single-value metric target, `doc_count` for a single-bucket target.
   */
  | {
      readonly by: 'agg';
      readonly path: readonly string[];
      readonly metric: 'value' | 'doc_count';
    };
export type BucketOrder = BucketOrderKey & { readonly dir: 'asc' | 'desc' };

export type SubAggs = Readonly<Record<string, Aggregation>>;

export type CalendarUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface TermsAgg {
  readonly type: 'terms';
  readonly field: AggField;
  readonly size: number;
  readonly minDocCount: number;
  /** complete order; the parser appends the `_key asc` tiebreak itself */
  readonly order: readonly BucketOrder[];
  /** rows without a value count under this key (merged with a real bucket of that key) */
  readonly missing?: Scalar;
  readonly include?: readonly Scalar[];
  readonly exclude?: readonly Scalar[];
  readonly aggs?: SubAggs;
}

export interface DateHistogramAgg {
  readonly type: 'date_histogram';
  readonly field: Field;
  readonly interval: { readonly calendar: CalendarUnit } | { readonly fixedMs: number };
  /** IANA zone or fixed offset (`+05:30`), `UTC` by default */
  readonly timeZone: string;
  readonly offsetMs: number;
  readonly minDocCount: number;
  /** epoch ms, already resolved by the parser */
  readonly extendedBounds?: { readonly min: number; readonly max: number };
  readonly hardBounds?: { readonly min: number; readonly max: number };
  readonly order: readonly BucketOrder[];
  readonly aggs?: SubAggs;
}

export type MetricType = 'min' | 'max' | 'avg' | 'sum' | 'value_count' | 'cardinality';
export interface MetricAgg {
  readonly type: MetricType;
  readonly field: AggField;
  readonly missing?: Scalar;
}

export interface FilterAgg {
  readonly type: 'filter';
  readonly filter: Predicate;
  readonly aggs?: SubAggs;
}

export interface FiltersAgg {
  readonly type: 'filters';
  /** in the order the response lists them (the parser sorts named filters by name) */
  readonly filters: readonly { readonly key: string; readonly filter: Predicate }[];
  /** key of the bucket for rows matching none of the filters, when asked for */
  readonly otherBucketKey?: string;
  readonly aggs?: SubAggs;
}

/** `detail` only: counts rows with a visible detail object; sub-aggregations read detail leaves. */
export interface NestedAgg {
  readonly type: 'nested';
  readonly path: 'detail';
  readonly aggs?: SubAggs;
}

export type Aggregation =
  TermsAgg | DateHistogramAgg | MetricAgg | FilterAgg | FiltersAgg | NestedAgg;

export interface Bucket {
  /** keyword terms: string; date terms and histograms: epoch ms; detail leaves: their JSON type */
  readonly key: Scalar;
  readonly docCount: number;
  readonly aggs: Readonly<Record<string, AggResult>>;
}

export type AggResult =
  | {
      readonly type: 'terms';
      readonly buckets: readonly Bucket[];
      readonly sumOtherDocCount: number;
    }
  | { readonly type: 'date_histogram'; readonly buckets: readonly Bucket[] }
  | { readonly type: 'metric'; readonly metric: MetricType; readonly value: number | null }
  | {
      readonly type: 'filter' | 'nested';
      readonly docCount: number;
      readonly aggs: Readonly<Record<string, AggResult>>;
    }
  | { readonly type: 'filters'; readonly buckets: readonly (Bucket & { readonly key: string })[] };
