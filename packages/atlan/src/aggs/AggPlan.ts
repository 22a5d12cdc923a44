/**
 * How each aggregation's result is rendered as ES JSON (spec §5). The IR `Aggregation` says what
 * to compute; the plan keeps what only the response needs: `meta`, key formats, `keyed`, and
 * whether a date field's metric carries `value_as_string`.
 */
import type { MetricType } from '@audit-gateway/ir';
import type { DateFormat } from '../dates/dateFormats';

export interface DateKeys {
  readonly format: DateFormat;
  readonly zone: string;
}

export type AggPlan =
  | {
      readonly type: 'terms';
      readonly meta?: unknown;
      /** set for date fields: numeric keys plus key_as_string */
      readonly dateKeys?: DateKeys;
      readonly showDocCountError: boolean;
      readonly subs: AggPlans;
    }
  | {
      readonly type: 'date_histogram';
      readonly meta?: unknown;
      readonly dateKeys: DateKeys;
      readonly keyed: boolean;
      /** unmapped field: always `{"buckets":[]}` (the IR computes a `none` filter instead) */
      readonly empty: boolean;
      readonly subs: AggPlans;
    }
  | {
      readonly type: 'metric';
      readonly metric: MetricType;
      readonly meta?: unknown;
      /** set for min/max/avg/sum on a date field */
      readonly dateValues?: DateKeys;
    }
  | { readonly type: 'filter' | 'nested'; readonly meta?: unknown; readonly subs: AggPlans }
  | {
      readonly type: 'filters';
      readonly meta?: unknown;
      readonly keyed: boolean;
      readonly anonymous: boolean;
      readonly subs: AggPlans;
    };

export type AggPlans = Readonly<Record<string, AggPlan>>;
