/**
 * Query-parameter reading shared by E2 and E3 (spec/atlas-admin-audits.md §7.1, §8.1): the first
 * occurrence wins, an empty value counts as absent, unknown names are ignored (the classic UI sends
 * pageable-collection leftovers such as `sortKey` and `order`).
 */
import { invalidParameters } from './atlasErrors';
import { parseIntegerText } from './atlasIntegers';

export type QueryPairs = readonly (readonly [string, string])[];

export function firstParam(query: QueryPairs, name: string): string | undefined {
  const pair = query.find(([k]) => k === name);
  return pair === undefined || pair[1] === '' ? undefined : pair[1];
}

/** Integer text or a 400 "<name>=<value> is not an integer"; undefined when absent. */
export function integerParam(query: QueryPairs, name: string): bigint | undefined {
  const raw = firstParam(query, name);
  if (raw === undefined) return undefined;
  const v = parseIntegerText(raw);
  if (v === undefined) throw invalidParameters(`${name}=${raw} is not an integer`);
  return v;
}

/** `v` when 1 ≤ v ≤ max, else the default; absent → the default. */
export function boundedCount(v: bigint | undefined, max: number, fallback: number): number {
  return v !== undefined && v >= 1n && v <= BigInt(max) ? Number(v) : fallback;
}

/**
 * An offset beyond any real row count gives `[]` either way; capping it keeps the SQL OFFSET far
 * from bigint overflow, which would otherwise turn a client's typo into a database error.
 */
export const MAX_OFFSET = 1e15;

export function cappedOffset(v: bigint): number {
  return v > BigInt(MAX_OFFSET) ? MAX_OFFSET : Number(v);
}
