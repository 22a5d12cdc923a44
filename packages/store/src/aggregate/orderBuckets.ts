/**
 * Sorts buckets by a complete `order` list (the parser appends the `_key asc` tiebreak). A bucket
 * whose sub-aggregation value is null (an empty metric) sorts last in both directions (spec §5.7,
 * deviation D17).
 */
import type { BucketOrder, BucketOrderKey, Scalar } from '@audit-gateway/ir';
import { compareKeys } from './compareKeys';

export interface Sortable {
  readonly key: Scalar;
  readonly docCount: number;
}

/** Value of an `agg` order key for one bucket: a metric value or a single-bucket doc count. */
export type OrderValue<B> = (
  bucket: B,
  key: Extract<BucketOrderKey, { by: 'agg' }>,
) => number | null;

export function orderBuckets<B extends Sortable>(
  buckets: readonly B[],
  order: readonly BucketOrder[],
  valueOf: OrderValue<B>,
): B[] {
  const keys = order.length > 0 ? order : [{ by: '_key', dir: 'asc' } as const];
  const cmp = (a: B, b: B): number => {
    for (const o of keys) {
      const sign = o.dir === 'asc' ? 1 : -1;
      let c: number;
      if (o.by === '_count') c = sign * (a.docCount - b.docCount);
      else if (o.by === '_key') c = sign * compareKeys(a.key, b.key);
      else {
        const va = valueOf(a, o);
        const vb = valueOf(b, o);
        if (va === null || vb === null) c = va === vb ? 0 : va === null ? 1 : -1;
        else c = sign * (va === vb ? 0 : va < vb ? -1 : 1);
      }
      if (c !== 0) return c;
    }
    return 0;
  };
  return [...buckets].sort(cmp);
}
