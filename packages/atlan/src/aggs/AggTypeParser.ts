import type { Aggregation, SubAggs } from '@audit-gateway/ir';
import type { JsonObject } from '../dsl/jsonValues';
import type { AggContext } from './AggContext';
import type { AggPlan, AggPlans } from './AggPlan';

export interface ParsedAggs {
  readonly aggs: SubAggs;
  readonly plans: AggPlans;
}

export interface AggInput {
  readonly name: string;
  readonly body: unknown;
  readonly ctx: AggContext;
  /** the already-parsed sub-aggregations (empty when there are none) */
  readonly subs: ParsedAggs;
  /** `meta` as given, echoed verbatim */
  readonly meta?: JsonObject;
}

export interface ParsedAgg {
  readonly agg: Aggregation;
  readonly plan: AggPlan;
}

/** One aggregation type's parser (spec §5.2–§5.6). */
export interface AggTypeParser {
  /** metrics take no sub-aggregations */
  readonly bucket: boolean;
  /** nested switches its sub-aggregations to nested context */
  readonly subFields?: 'nested';
  readonly parse: (input: AggInput) => ParsedAgg;
}
