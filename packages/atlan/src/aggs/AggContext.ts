import type { FieldContext } from '../dsl/atlanFields';

/** Where an aggregation sits (spec §5.1): its depth (top level = 1) and field context. */
export interface AggContext {
  readonly now: number;
  readonly fields: FieldContext;
  readonly depth: number;
}

export const MAX_AGG_DEPTH = 8;
export const MAX_BUCKETS = 65_536;
