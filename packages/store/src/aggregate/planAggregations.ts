/**
 * Turns an aggregation tree into one plan node per aggregation. A node knows how its ancestors
 * partition rows: each bucket ancestor is a LATERAL yielding the row's keys at that level (a row
 * sits in several buckets when it has several detail leaves, or matches overlapping `filters`), and
 * each single-bucket ancestor (filter, nested) is a condition. Every node then compiles to ONE
 * GROUP BY over all ancestor keys (see `nodeSql.ts`), so a tree of n aggregations is n queries
 * whatever the number of buckets.
 */
import { AuditError, type Aggregation, type Predicate } from '@audit-gateway/ir';
import { column, compilePredicate, detailVisible } from '../compile/compilePredicate';
import { frag, join, raw, type Fragment } from '../compile/frag';
import {
  keysSelect,
  valueSource,
  type AggCtx,
  type ValueKind,
  type ValueSource,
} from './aggFieldSql';
import { parseZone, type AggZone } from './dateRounding';
import { histogramKey } from './histogramKeySql';

export interface Level {
  /** `SELECT … AS k`: the row's keys at this level */
  readonly keys: Fragment;
  readonly kind: ValueKind;
}

export interface PlanNode {
  readonly agg: Aggregation;
  readonly ctx: AggCtx;
  readonly levels: readonly Level[];
  readonly conds: readonly Fragment[];
  /** bucket aggregations: this node's own level (null: the field has no values here) */
  readonly own?: Level | null;
  /** date_histogram: rounding facts for the post-pass */
  readonly zone?: AggZone;
  /** metrics: the value source (null: no values here) */
  readonly values?: ValueSource | null;
  /** single-bucket aggregations: the condition their children add */
  readonly cond?: Fragment;
  readonly children: Readonly<Record<string, PlanNode>>;
}

export function planAggregations(
  aggs: Readonly<Record<string, Aggregation>>,
  ctx: AggCtx,
  levels: readonly Level[] = [],
  conds: readonly Fragment[] = [],
): Record<string, PlanNode> {
  const out: Record<string, PlanNode> = {};
  for (const [name, agg] of Object.entries(aggs)) out[name] = planNode(agg, ctx, levels, conds);
  return out;
}

function planNode(
  agg: Aggregation,
  ctx: AggCtx,
  levels: readonly Level[],
  conds: readonly Fragment[],
): PlanNode {
  const base = { agg, ctx, levels, conds };
  const sub = (childCtx: AggCtx, childLevels: readonly Level[], childConds: readonly Fragment[]) =>
    'aggs' in agg && agg.aggs ? planAggregations(agg.aggs, childCtx, childLevels, childConds) : {};
  switch (agg.type) {
    case 'terms': {
      const src = valueSource(agg.field, ctx);
      const own = src ? { keys: keysSelect(src, agg.missing), kind: src.kind } : null;
      return {
        ...base,
        own,
        children: own
          ? sub(ctx, [...levels, own], conds)
          : sub(ctx, levels, [...conds, raw('FALSE')]),
      };
    }
    case 'date_histogram': {
      const zone = parseZone(agg.timeZone);
      const own = ctx.inNested ? null : histogramLevel(agg, ctx, zone);
      return {
        ...base,
        own,
        zone,
        children: own
          ? sub(ctx, [...levels, own], conds)
          : sub(ctx, levels, [...conds, raw('FALSE')]),
      };
    }
    case 'filter': {
      const cond = compilePredicate(agg.filter, ctx.compile);
      return { ...base, cond, children: sub(ctx, levels, [...conds, cond]) };
    }
    case 'filters': {
      const own = filtersLevel(
        agg.filters.map((f) => f.filter),
        agg.otherBucketKey !== undefined,
        ctx,
      );
      return { ...base, own, children: sub(ctx, [...levels, own], conds) };
    }
    case 'nested': {
      const cond = nestedCondition(ctx);
      const inner = { ...ctx, inNested: true, nestedCond: cond };
      return { ...base, cond, children: sub(inner, levels, [...conds, cond]) };
    }
    case 'min':
    case 'max':
    case 'avg':
    case 'sum':
    case 'value_count':
    case 'cardinality':
      return { ...base, values: valueSource(agg.field, ctx), children: {} };
    default:
      throw AuditError.bug(`unknown aggregation ${JSON.stringify(agg)}`);
  }
}

function histogramLevel(
  agg: Extract<Aggregation, { type: 'date_histogram' }>,
  ctx: AggCtx,
  zone: AggZone,
): Level {
  const col = column(ctx.compile, agg.field);
  const key = histogramKey(col, agg.interval, zone, agg.offsetMs);
  // the NULL test is on the column, so the (costly) key is computed once per row, in the GROUP BY;
  // hard_bounds: only buckets whose key k satisfies min ≤ k < max exist (spec §5.3)
  const hard = agg.hardBounds
    ? frag` AND h.k >= TIMESTAMPTZ 'epoch' + ${agg.hardBounds.min}::bigint * INTERVAL '1 millisecond' AND h.k < TIMESTAMPTZ 'epoch' + ${agg.hardBounds.max}::bigint * INTERVAL '1 millisecond'`
    : raw('');
  return {
    keys: frag`SELECT h.k FROM (SELECT ${key} AS k) AS h WHERE ${col} IS NOT NULL${hard}`,
    kind: 'time',
  };
}

/** Bucket i for each filter the row passes; with an other bucket, index n when it passes none. */
function filtersLevel(filters: readonly Predicate[], other: boolean, ctx: AggCtx): Level {
  const conds = filters.map((p) => compilePredicate(p, ctx.compile));
  const cases = conds.map((c, i) => frag`CASE WHEN ${c} THEN ${raw(String(i))} END`);
  if (other) {
    const none = conds.length === 0 ? raw('TRUE') : frag`NOT (${join(conds, ' OR ')})`;
    cases.push(frag`CASE WHEN ${none} THEN ${raw(String(conds.length))} END`);
  }
  return {
    keys: frag`SELECT f.k FROM unnest(ARRAY[${join(cases, ', ')}]::int[]) AS f(k) WHERE f.k IS NOT NULL`,
    kind: 'index',
  };
}

/** spec §5.6: rows with a detail object the caller may see; families without detail have none. */
export function nestedCondition(ctx: AggCtx): Fragment {
  if (ctx.compile.family !== 'entity') return raw('FALSE');
  return frag`(jsonb_typeof(${column(ctx.compile, 'detail')}) = 'object' AND ${detailVisible(ctx.compile)})`;
}
