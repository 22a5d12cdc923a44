/**
 * Bucket-key order (spec §5.2): keyword keys in binary order (UTF-8 bytes, i.e. code points, which
 * is what `COLLATE "C"` sorts by; JavaScript's `<` compares UTF-16 units and differs above U+FFFF),
 * dates and numbers by value, and mixed `detail` leaves: numbers, then booleans, then strings.
 */
import type { Scalar } from '@audit-gateway/ir';

export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(i) as number;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

const RANK = { number: 0, boolean: 1, string: 2 } as const;

function rank(k: Scalar): number {
  if (k === null) return 3;
  return RANK[typeof k as keyof typeof RANK];
}

export function compareKeys(a: Scalar, b: Scalar): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return compareBinary(a, b);
  return 0;
}

/** A map key for a bucket key or a path of them: `"1"` and `1` and `true` stay apart. */
export function encodeKeys(keys: readonly Scalar[]): string {
  return JSON.stringify(keys);
}
